/**
 * The one chunk of the attachment views (issue 12 item 5): the uploads on their way and the
 * files in the thread, with their words and styles. Both lazy imports (attach-entry.tsx,
 * MessageItem.tsx) point here, so Rollup makes one chunk and no shared chunk: a shared one
 * would put Vite's preload map into the first render.
 */
export { add, Uploads } from './Uploads';
export { AttachmentView } from './AttachmentView';

// As orders/adopt-styles.ts does (the frame's CSP allows no inline <style>), but not imported
// from there: that module would become a chunk shared with the order views (see above).
const sheet = new CSSStyleSheet();
sheet.replaceSync(
  '.uploads{list-style:none;margin:0;padding:4px 12px;font-size:13px;color:#57606a}' +
    '.uploads li{display:flex;gap:8px;align-items:center;padding:2px 0}' +
    '.uploads span{flex:1;overflow-wrap:anywhere}' +
    '.uploads progress{width:64px}.uploads button{border:0;background:none;color:#1d4ed8;text-decoration:underline}' +
    '.bubble:has(.att-thumb){padding:4px}' +
    '.att-thumb{display:block;border:0;padding:0;background:none;cursor:zoom-in}' +
    '.att-thumb img{display:block;border-radius:12px;background:#d0d7de;max-width:100%;height:auto}' +
    '.att-file{border:0;background:none;color:inherit;text-decoration:underline;padding:0;text-align:start}' +
    '.att-full{position:fixed;inset:0;z-index:9;background:rgba(0,0,0,.85);display:flex;align-items:center;justify-content:center;padding:12px}' +
    '.att-full img{max-width:100%;max-height:100%}' +
    '.att-full button{position:absolute;top:8px;right:8px;border:0;border-radius:16px;padding:6px 12px;background:#fff}',
);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
