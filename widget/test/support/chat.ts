/** A chat session wired to the fake backend, with the loader's side recorded. */
import type { Identity } from '../../src/bridge';
import type { FrameToLoader } from '../../src/bridge';
import { createChatSession } from '../../src/frame/session/chat-session';
import { keptStorage } from '../../src/frame/session/kept-storage';
import { Outbox } from '@counter/shared/delivery';
import { createChatStore } from '../../src/frame/store/chat-store';
import { FakeBackend } from './fake-backend';

export interface ChatOptions {
  backend?: FakeBackend;
  /** What the loader kept from an earlier page (outbox entries, preferences). */
  kept?: Record<string, string>;
  token?: string | null;
  open?: boolean;
  locale?: 'en' | 'zh' | null;
  languages?: string[];
  identity?: Identity | null;
  visible?: () => boolean;
}

export function startChat(options: ChatOptions = {}) {
  const backend = options.backend ?? new FakeBackend();
  const posted: FrameToLoader[] = [];
  const kept: Record<string, string> = { ...options.kept };
  const storage = keptStorage(kept, (k, v) => {
    if (v === null) delete kept[k];
    else kept[k] = v;
  });
  const store = createChatStore();
  let sounds = 0;
  let ids = 0;
  const session = createChatSession({
    store,
    backend,
    outbox: new Outbox(storage),
    prefs: storage,
    parent: { post: (m) => posted.push(m) },
    siteId: 'site-1',
    pageOrigin: 'https://shop.example',
    locale: options.locale ?? null,
    token: options.token ?? null,
    context: { page: { url: 'https://shop.example/p/trail-2', title: 'Trail Runner 2' } },
    identity: options.identity ?? null,
    languages: options.languages ?? ['en-US'],
    notify: () => sounds++,
    visible: options.visible ?? (() => true),
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    delay: () => Promise.resolve(),
  });
  session.setOpen(options.open ?? true);
  return {
    backend,
    store,
    session,
    posted,
    kept,
    state: () => store.getState(),
    sounds: () => sounds,
    /** The last token the frame asked the loader to keep. */
    token: () => posted.filter((m) => m.t === 'state').at(-1)?.token ?? null,
  };
}

/** Texts shown, in order, with their delivery marks for the shopper's own. */
export function shown(state: ReturnType<ReturnType<typeof startChat>['state']>): string[] {
  return state.messages.filter((m) => m.kind === 'text').map((m) => m.text);
}
