/**
 * Styles of a lazy chunk, as a constructable stylesheet: the frame's CSP allows no inline
 * <style>, and a lazy chunk's CSS is not a file the first render links.
 */
export function adoptStyles(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
