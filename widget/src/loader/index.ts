/**
 * widget.js: what `<script async src=".../widget.js" data-site="ID">` runs on the shop's
 * page. Until the shopper shows intent it only draws the launcher, installs the API queue
 * and, when this browser already has a conversation, asks once for unread replies.
 * Hover or focus on the launcher (intent) fetches the host part, which creates the chat
 * iframe on open; a click or `Counter('open')` opens it.
 */
import { launcherText, launcherLocale } from '../i18n/catalogue';
import { installApi, installed } from './api';
import { createLauncher } from './launcher';
import type { Link } from './link';
import { checkUnread, forget, memoryKey, recall } from './memory';

/** Replaced at build time with the host part's hashed file name (see vite.loader.config.ts). */
declare const __HOST_FILE__: string;

const script = document.currentScript as HTMLScriptElement | null;
const site = script?.dataset.site;
if (site && !installed()) start(script!, site);

function start(script: HTMLScriptElement, site: string): void {
  const origin = new URL(script.src).origin;
  const text = launcherText[launcherLocale(script)];
  const key = memoryKey(site);
  const [host, root, button, badge] = createLauncher();
  let loading = 0;

  // Intent: fetch the host part. That request is the preconnect: the chat iframe and its
  // socket reuse the warm connection. A script added by a trusted script runs under
  // 'strict-dynamic'; the nonce covers nonce-only policies.
  // Appended to our own element: it is in the document (so the script runs), and shorter
  // to reach than <head>.
  const intent = () =>
    loading++ || host.append(Object.assign(document.createElement('script'), { src: origin + __HOST_FILE__, nonce: script.nonce }));

  const api = installApi(([method]) => {
    if (method == 'open' || method == 'toggle') intent();
    // Logout before the chat ever loaded: just forget this visitor here.
    if (method == 'shutdown') forget(key), link.u(0);
  });

  const link: Link = {
    r: root,
    b: button,
    h: host,
    t: script,
    e: api.e,
    c: api.c,
    u(n) {
      badge.textContent = (n || '') as string;
      button.setAttribute('aria-label', n ? `${text[0]} (${n} ${text[1]})` : text[0]);
      api.e('unread', n);
    },
  };
  api.f._ = link;
  // Labels the button; nobody listens yet, so the 'unread' it emits reaches no one.
  link.u(0);

  button.onpointerenter = button.onfocus = intent;
  button.onclick = () => api.f('toggle');

  // On <html>, not <body>: no waiting for the body, and frameworks hydrating the body's
  // children never meet it.
  document.documentElement.append(host);

  const memory = recall(key);
  memory.c && memory.t && checkUnread(origin, site, memory.t, link.u);
  api.r();
}
