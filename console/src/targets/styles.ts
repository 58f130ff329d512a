/**
 * The styles of the response-targets chunk, adopted as a constructable stylesheet when it
 * loads: no CSS file (whose name the main chunk would have to list) and no inline <style>
 * (the console's CSP refuses them).
 */
const CSS = `
.due { margin-left: 0.3rem; font-variant-numeric: tabular-nums; font-size: 0.75rem; padding: 0 0.35rem; border-radius: 999px; background: #e7f5ec; color: #166534; }
.due-near { background: #fef3c7; color: #92400e; }
.due-late { background: #fee2e2; color: #b91c1c; font-weight: 600; }
.target-notices { position: fixed; right: 1rem; bottom: 1rem; display: flex; flex-direction: column; gap: 0.5rem; z-index: 50; max-width: 22rem; }
.target-notice { background: #fff; border: 1px solid #f59e0b; border-left-width: 4px; border-radius: 6px; padding: 0.6rem 0.8rem; box-shadow: 0 4px 14px rgb(0 0 0 / 0.12); }
.target-notice p { margin: 0.2rem 0 0.5rem; }
.target-notice .btn + .btn { margin-left: 0.4rem; }
.targets-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; }
`;

let adopted = false;
export function adoptTargetStyles(): void {
  // jsdom (unit tests) has no constructable stylesheets, and the sync tests run in Node with
  // no document at all; every supported browser has both.
  if (adopted || typeof document === 'undefined' || !('adoptedStyleSheets' in document)) return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
