/**
 * Styles of a lazy chunk, as a constructable stylesheet: the frame's CSP allows no inline
 * <style>, and a lazy chunk's CSS is not a file the first render links.
 */
export function adoptStyles(css: string): void {
  // jsdom (the widget's unit tests, which render the lazy forms) has no constructable
  // stylesheets; every browser the chat supports does (Safari 16.4+).
  if (!('adoptedStyleSheets' in document)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
