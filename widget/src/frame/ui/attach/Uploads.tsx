/**
 * Files on their way: each shows its progress; a failed one offers a retry (the same upload
 * key and message id, so a retry never doubles it) unless the server refused the file itself
 * (too large, not a photo or a PDF), which no retry fixes.
 */
import { useEffect, useState } from 'preact/hooks';
import { ATTACHMENTS } from '../../../i18n/attachments';
import type { ChatSession } from '../../session/chat-session';
import { RefusedError } from '../../session/transport';
import { uuid } from '../../session/uuid';
import type { Upload } from '../../session/attachments';
import { useSession, useText } from '../use-chat';

interface Item extends Upload {
  progress: number;
  /** Why it failed: the key of the words to show; unset while sending. */
  failed?: 'tooLarge' | 'wrongType' | 'failed';
}

let items: Item[] = [];
const listeners = new Set<() => void>();
const change = (next: Item[]) => {
  items = next;
  for (const listener of listeners) listener();
};
const update = (key: string, patch: Partial<Item>) => change(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));


const reason = (err: unknown): Item['failed'] =>
  err instanceof RefusedError && err.code === 'payload_too_large'
    ? 'tooLarge'
    : err instanceof RefusedError && err.code === 'attachment_type_refused'
      ? 'wrongType'
      : 'failed';

async function run(session: ChatSession, item: Item): Promise<void> {
  update(item.key, { failed: undefined, progress: 0 });
  try {
    const api = await session.attachments();
    await api.send(item, (progress) => update(item.key, { progress }));
    change(items.filter((i) => i.key !== item.key));
  } catch (err) {
    update(item.key, { failed: reason(err) });
  }
}

export function add(session: ChatSession, files: File[]): void {
  const added = files.map((file) => ({ key: uuid(), clientId: uuid(), file, progress: 0 }));
  change([...items, ...added]);
  for (const item of added) void run(session, item);
}

export function Uploads() {
  const t = useText(ATTACHMENTS);
  const session = useSession();
  const [, redraw] = useState(0);
  useEffect(() => {
    const listener = () => redraw((n) => n + 1);
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  if (!items.length) return null;
  return (
    <ul class="uploads" aria-live="polite">
      {items.map((item) => {
        const name = item.file.name;
        return (
          <li key={item.key}>
            <span>{t(item.failed ?? 'uploading', { name })}</span>
            {!item.failed && <progress max={1} value={item.progress} />}
            {item.failed === 'failed' && (
              <button type="button" onClick={() => void run(session, item)}>
                {t('retry')}
              </button>
            )}
            {item.failed && (
              <button type="button" onClick={() => change(items.filter((i) => i.key !== item.key))}>
                {t('remove')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
