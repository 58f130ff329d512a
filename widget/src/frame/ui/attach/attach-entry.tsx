/**
 * The first render's part of attachments: where files come in (the picker, a drop on the
 * chat, a paste) and a slot for the uploads. Everything else (uploading, progress, the views)
 * is one chunk (attach-views.ts) loaded with the first file; this part stays a few hundred bytes.
 */
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import type { ChatSession } from '../../session/chat-session';

// eslint-disable-next-line @typescript-eslint/no-unused-vars
const __vitePreload = (load: () => Promise<unknown>) => load();
const chunk = () => import('./attach-views');
let show = () => {};

/** Files the shopper picked, dropped or pasted; nothing happens without any. */
export function attach(session: ChatSession, files?: FileList | null): void {
  if (!files?.length) return;
  const picked = [...files];
  show();
  void chunk().then((m) => m.add(session, picked));
}

/** The uploads, once there has been one (before that, nothing loads). */
export function AttachSlot() {
  const [Uploads, setUploads] = useState<ComponentType | null>(null);
  show = () => void chunk().then((m) => setUploads(() => m.Uploads));
  return Uploads && <Uploads />;
}
