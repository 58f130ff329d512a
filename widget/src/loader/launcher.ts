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

/** Adds a stylesheet to a shadow root (the host part adds the chat window's this way too). */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // Safari before 16.4 has no constructable stylesheets: a <style> in the shadow root.
    root.append(Object.assign(document.createElement('style'), { textContent: css }));
  }
}

/** [host element, shadow root, button, unread badge] */
export function createLauncher(label: string): [HTMLElement, ShadowRoot, HTMLButtonElement, HTMLSpanElement] {
  const host = document.createElement('counter-chat');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, CSS);
  const button = document.createElement('button');
  const badge = document.createElement('span');
  button.append(badge);
  root.append(button);
  button.setAttribute('aria-label', label);
  return [host, root, button, badge];
}
