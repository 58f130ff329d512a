/**
 * The host part: loaded by widget.js on the shopper's first intent, it takes over the API
 * from the loader's queue and runs the chat iframe on the shop's page: open and close,
 * focus, Esc, the shop's context and identity, SPA navigation, the unread badge, logout.
 */
import type { Locale } from '@counter/shared';
import type { Identity, ShopContext } from '../bridge';
import { adoptStyles } from '../loader/launcher';
import type { Link } from '../loader/link';
import { forget, memoryKey, recallAll, remember } from '../loader/memory';
import { hostText, launcherLocale } from '../i18n/catalogue';
import { createFrameHost } from './frame-host';
import { HOST_CSS } from './host-css';
import { watchPages } from './page-watch';

const link = (window as unknown as { Counter?: { _?: Link } }).Counter?._;
if (link && !link.r.querySelector('iframe')) take(link);

function keep(kept: Record<string, string>, k: string, v: string | null): Record<string, string> {
  const next = { ...kept };
  if (v === null) delete next[k];
  else next[k] = v;
  return next;
}

function take(link: Link): void {
  const { r: root, b: button, h: host, t: script } = link;
  const origin = new URL(script.src).origin;
  const site = script.dataset.site!;
  const key = memoryKey(site);
  const text = hostText[launcherLocale(script)];
  const context: ShopContext = {};
  let identity: Identity | null = null;
  let isOpen = false;
  let url = '';
  let watching = false;
  /** Between shutdown and the frame's 'bye': whatever it still says is not kept. */
  let ending = false;

  adoptStyles(root, HOST_CSS);
  // The unread badge lives in the early chunk (cached after its first load).
  link.l();
  const page = () => ({ url: (url = location.href), title: document.title });

  const frame = createFrameHost({
    root,
    before: button,
    origin,
    src: `${origin}/widget/frame.html?site=${encodeURIComponent(site)}`,
    title: text[0],
    blocked: text[1],
    init() {
      const { t, c, ...kept } = recallAll(key);
      return {
        t: 'init',
        locale: (script.dataset.locale as Locale | undefined) ?? null,
        token: t || null,
        kept,
        context: { ...context, page: page() },
        identity,
        open: isOpen,
      };
    },
    onMessage(message) {
      // Read, change, write at once: other tabs of the shop write the same key.
      const memory = recallAll(key);
      if (message.t === 'bye') {
        ending = false;
        frame.remove();
      } else if (ending) {
        return;
      } else if (message.t === 'state') remember(key, { ...memory, t: message.token, c: message.c ? '1' : '' });
      else if (message.t === 'keep') remember(key, keep(memory, message.k, message.v));
      else if (message.t === 'unread') link.u(message.n);
      else if (message.t === 'close') close();
    },
  });

  function open(): void {
    const iframe = frame.ensure();
    if (!watching) {
      watching = true;
      watchPages(() => {
        if (location.href !== url) frame.post({ t: 'ctx', context: { page: page() } });
      });
    }
    if (isOpen) return;
    isOpen = true;
    frame.show(true);
    button.setAttribute('aria-expanded', 'true');
    frame.post({ t: 'open' });
    iframe.focus();
    link.e('open');
  }

  function close(): void {
    if (!isOpen) return;
    // Focus returns to the launcher only if it was in the chat: never stolen from the page.
    // (With a shadow root the page sees the host focused; without one, the iframe itself.)
    const inside = host.contains(document.activeElement);
    isOpen = false;
    frame.show(false);
    button.setAttribute('aria-expanded', 'false');
    frame.post({ t: 'close' });
    if (inside) button.focus();
    link.e('close');
  }

  const methods: Record<string, (arg?: unknown) => void> = {
    open,
    close,
    toggle: () => (isOpen ? close() : open()),
    identify(value) {
      identity = value as Identity;
      frame.post({ t: 'identify', identity });
    },
    setContext(value) {
      Object.assign(context, value);
      frame.post({ t: 'ctx', context: value as ShopContext });
    },
    shutdown() {
      close();
      ending = true;
      forget(key);
      identity = null;
      link.u(0);
      // The frame revokes the token, forgets its outbox and answers 'bye'; then it goes.
      frame.post({ t: 'shutdown' });
    },
  };

  button.setAttribute('aria-expanded', 'false');
  root.addEventListener('keydown', (event) => {
    if ((event as KeyboardEvent).key === 'Escape') close();
  });
  // Own methods only: `Counter('__proto__')` or `Counter('constructor')` from the page is ignored.
  // (hasOwnProperty: Object.hasOwn is newer than this part's es2020 target.)
  link.c(([method, arg]) => {
    if ({}.hasOwnProperty.call(methods, method)) methods[method]!(arg);
  });
}
