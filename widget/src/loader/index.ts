/**
 * widget.js: what `<script async src=".../widget.js?site=ID" data-site="ID">` runs on the
 * shop's page. Until the shopper shows intent it only draws the launcher in the site's look
 * and installs the API queue. A browser that already has a conversation, or a site with
 * proactive rules, also gets the early chunk (unread badge, proactive bubble).
 * Hover or focus on the launcher (intent) fetches the host part, which creates the chat
 * iframe on open; a click or `Counter('open')` opens it.
 */
import { launcherText, launcherLocale } from '../i18n/catalogue';
import { installApi, installed } from './api';
import { createLauncher, type Look } from './launcher';
import type { Link } from './link';
import { forget, memoryKey } from './memory';

/** Replaced at build time with the hashed file names (see vite.loader.config.ts). */
declare const __HOST_FILE__: string;
declare const __EARLY_FILE__: string;
/** The default look; the server puts the site's in its place (server/src/http/baked-loader.ts). */
declare const __LOOK__: Look;

const script = document.currentScript as HTMLScriptElement | null;
const site = script?.dataset.site;
if (site && !installed()) start(script!, site);

function start(script: HTMLScriptElement, site: string): void {
  const origin = new URL(script.src).origin;
  const locale = launcherLocale(script);
  // The tag's data-* attributes win over the site's look: they are the more specific (one
  // page of the shop may need the launcher elsewhere, e.g. above its own checkout bar).
  const look: Look = { ...__LOOK__, ...script.dataset };
  const key = memoryKey(site);
  const [host, root, button] = createLauncher(look, look.label || look[locale], launcherText[locale]);
  const loaded: Record<string, 1> = {};
  /** What the page passed to setContext so far (the proactive cart rule reads it). */
  const context = {};

  // Each part once. A script added by a trusted script runs under 'strict-dynamic'; the
  // nonce covers nonce-only policies. Appended to our own element: it is in the document (so
  // the script runs), and shorter to reach than <head>.
  const load = (path: string) => {
    if (loaded[path]) return;
    loaded[path] = 1;
    host.append(Object.assign(document.createElement('script'), { src: origin + path, nonce: script.nonce }));
  };
  // Intent: fetch the host part. That request is the preconnect: the chat iframe and its
  // socket reuse the warm connection.
  const intent = () => load(__HOST_FILE__);

  // Every call but `on` passes here, also after the host part took over.
  const api = installApi(([method, arg]) => {
    if (method == 'open' || method == 'toggle') intent();
    if (method == 'setContext') Object.assign(context, arg);
    // Logout before the chat ever loaded: just forget this visitor here.
    if (method == 'shutdown') forget(key), link.u(0);
  });

  const link: Link = {
    r: root,
    b: button,
    h: host,
    t: script,
    o: look,
    x: context,
    e: api.e,
    c: api.c,
    // Until the early chunk draws the badge, a count is only kept (it shows it on arrival).
    u: (n) => (link.n = n),
    l: () => load(__EARLY_FILE__),
  };
  api.f._ = link;

  button.onpointerenter = button.onfocus = intent;
  button.onclick = () => api.f('toggle');

  // On <html>, not <body>: no waiting for the body, and frameworks hydrating the body's
  // children never meet it.
  document.documentElement.append(host);

  api.r();
  // Something to show before intent: proactive help, or replies that may be unread (this
  // browser has a conversation: `c=1` in memory.ts's pairs; read with a test, not a parse).
  let talked;
  try {
    talked = /(^|&)c=1/.test(localStorage[key]);
  } catch {
    // Storage disabled: no conversation to come back to.
  }
  (talked || look.r) && link.l();
}
