/**
 * The chat frame's entry (frame.html). Nothing happens until the loader's `init` message:
 * that is where the page's origin, the visitor token and the shop's context come from.
 */
import { render } from 'preact';
import type { LoaderToFrame } from '../bridge';
import { pickLocale } from '../i18n/catalogue';
import { createChatSession, type ChatSession } from './session/chat-session';
import { listenToLoader, type LoaderLink } from './loader-link';
import { keptStorage } from './session/kept-storage';
import { Outbox } from '@counter/shared/delivery';
import { socketBackend } from './session/socket-backend';
import { createChatStore } from './store/chat-store';
import { App } from './ui/App';
import './ui/styles.css';

/**
 * The notification sound loads the first time it plays (most chats never switch it on). No
 * Vite preload helper for it (see ui/App.tsx).
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const __vitePreload = (load: () => Promise<unknown>) => load();
let beep: (() => void) | undefined;

const siteId = new URLSearchParams(location.search).get('site') ?? '';
let session: ChatSession | undefined;

const loader = listenToLoader(window, (message, origin) => {
  if (message.t === 'init') session ??= boot(message, origin, loader);
  else if (message.t === 'open' || message.t === 'close') session?.setOpen(message.t === 'open');
  else if (message.t === 'ctx') session?.setContext(message.context);
  else if (message.t === 'identify') session?.identify(message.identity);
  else if (message.t === 'shutdown') session?.shutdown();
});

function boot(init: Extract<LoaderToFrame, { t: 'init' }>, pageOrigin: string, parent: LoaderLink): ChatSession {
  const storage = keptStorage(init.kept, (k, v) => parent.post({ t: 'keep', k, v }));
  const store = createChatStore({ locale: pickLocale(init.locale, navigator.languages, 'en') });
  const chat = createChatSession({
    store,
    backend: socketBackend(location.origin),
    outbox: new Outbox(storage),
    prefs: storage,
    parent,
    siteId,
    pageOrigin,
    locale: init.locale,
    token: init.token,
    context: init.context,
    identity: init.identity,
    languages: navigator.languages,
    notify: () => void import('./sound').then((m) => (beep ??= m.createBeeper())()),
    visible: () => document.visibilityState === 'visible',
  });
  // Screen readers pick their voice from lang.
  const lang = () => (document.documentElement.lang = store.getState().locale === 'zh' ? 'zh-CN' : 'en');
  lang();
  store.subscribe(lang);
  render(<App store={store} session={chat} />, document.getElementById('app')!);
  chat.setOpen(init.open);
  // Back to a tab with the chat open: what is on screen now is read, and the badge clears.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && store.getState().open) chat.setOpen(true);
  });
  void chat.start();
  return chat;
}
