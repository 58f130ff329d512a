/**
 * The launcher: one button in an open shadow root, styled by a constructable stylesheet so
 * that a strict CSP (no 'unsafe-inline') allows it and the page's CSS cannot reach inside.
 * `:host { all: initial !important }` wins over the page's own `!important` rules, because
 * for important declarations the shadow tree's context beats the outer one (and a fixed
 * position makes the host a block whatever `display` the page forces). The icon is
 * drawn in CSS: no markup strings, so pages enforcing Trusted Types accept it too.
 */
const CSS =
  // The side, offsets and colour are custom properties from the look (lookCss); the host
  // part's panel and the proactive bubble follow the same ones.
  ':host{all:initial!important;position:fixed!important;z-index:2147483000!important;left:var(--l)!important;right:var(--r)!important;bottom:var(--y)!important}' +
  'button{display:flex;align-items:center;gap:8px;min-width:60px;height:60px;padding:0 18px;border:0;border-radius:30px;background:var(--c);color:#fff;font:600 15px sans-serif;cursor:pointer;box-shadow:0 4px 14px #0004}' +
  // No focus-visible rule of ours: the browser's own ring (two colours) shows on any brand
  // colour, and the bytes went to the look.
  // A speech bubble: a rounded square with one sharp corner, in the text colour.
  'button:before{content:"";width:24px;height:20px;border-radius:8px 8px 8px 2px;background:currentColor}' +
  // The text colour: white or black by the brand colour's luminance, the same choice as
  // shared/src/look/colour.ts (inkOn), so it also holds for a data-color the server never
  // saw: the L* of a grey with the colour's Y (D65), against the L* (49.44) of the Y where
  // white and black contrast equally. Browsers without relative colours keep white.
  '@supports(color:lch(from red l c h)){button{color:lch(from color(from var(--c) xyz-d65 y y y) calc((49.44 - l)*infinity) 0 0)}}';

/** The look as the loader holds it: the site's (baked into widget.js?site=) under the tag's data-*. */
export interface Look {
  color: string;
  side: string;
  x: string | number;
  y: string | number;
  label?: string;
  en?: string;
  zh?: string;
  /** Proactive rules (read by the early chunk). */
  r?: unknown;
}

/** The look's custom properties on our host (the CSS above reads them). */
const lookCss = (o: Look) => `:host{--c:${o.color};--y:${o.y}px;--${o.side == 'left' ? 'l' : 'r'}:${o.x}px}`;

/**
 * Where the launcher and the chat frame live: a shadow root, or the host element itself on a
 * page that removed `attachShadow` (seen in the wild: "anti-adblock" and old polyfill code).
 */
export type Root = ShadowRoot | HTMLElement;

/** Adds a stylesheet to the root (the host part adds the chat window's this way too). */
export function adoptStyles(root: Root, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    // An element has no adoptedStyleSheets (and Chrome before 99 froze the array): this
    // throws, and the catch takes over.
    (root as ShadowRoot).adoptedStyleSheets.push(sheet);
  } catch {
    // Safari before 16.4 (no constructable stylesheets): a <style> in the shadow root. No
    // shadow root: the same rules nested under our element (CSS nesting), so they reach
    // nothing else on the page; the page's own rules can reach us there, a price only such
    // pages pay.
    const scoped = (root as ShadowRoot).host ? css : 'counter-chat{' + css.replace(/:host/g, '&') + '}';
    root.append(Object.assign(document.createElement('style'), { textContent: scoped }));
  }
}

/**
 * [host element, root, button]. The unread badge is not drawn here: only a browser with a
 * conversation can have unread replies, and the early chunk (or the host part) draws it.
 */
export function createLauncher(look: Look, label: string | undefined, name: string): [HTMLElement, Root, HTMLButtonElement] {
  const host = document.createElement('counter-chat');
  const root = host.attachShadow?.({ mode: 'open' }) || host;
  adoptStyles(root, CSS + lookCss(look));
  const button = document.createElement('button');
  // Without a label the launcher is the icon alone, named for screen readers.
  button.append(label || '');
  button.setAttribute('aria-label', label || name);
  root.append(button);
  return [host, root, button];
}
