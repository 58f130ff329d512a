/**
 * The launcher: one button in an open shadow root, styled by a constructable stylesheet so
 * that a strict CSP (no 'unsafe-inline') allows it and the page's CSS cannot reach inside.
 * `:host { all: initial !important }` wins over the page's own `!important` rules, because
 * for important declarations the shadow tree's context beats the outer one (and a fixed
 * position makes the host a block whatever `display` the page forces). The icon is
 * drawn in CSS: no markup strings, so pages enforcing Trusted Types accept it too.
 */
const CSS =
  ':host{all:initial!important;position:fixed!important;z-index:2147483000!important;right:20px!important;bottom:20px!important}' +
  'button{width:60px;height:60px;border:0;border-radius:50%;background:#1d4ed8;cursor:pointer;box-shadow:0 4px 14px #0004}' +
  'button:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}' +
  // A speech bubble: a rounded square with one sharp corner.
  'button:before{content:"";display:inline-block;width:24px;height:20px;border-radius:8px 8px 8px 2px;background:#fff}' +
  'span{position:absolute;top:-4px;right:-4px;min-width:10px;padding:0 5px;border-radius:10px;background:#b91c1c;color:#fff;font:700 12px/20px sans-serif}' +
  'span:empty{display:none}';

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

/** [host element, root, button, unread badge]; the loader labels the button. */
export function createLauncher(): [HTMLElement, Root, HTMLButtonElement, HTMLSpanElement] {
  const host = document.createElement('counter-chat');
  const root = host.attachShadow?.({ mode: 'open' }) || host;
  adoptStyles(root, CSS);
  const button = document.createElement('button');
  const badge = document.createElement('span');
  button.append(badge);
  root.append(button);
  return [host, root, button, badge];
}
