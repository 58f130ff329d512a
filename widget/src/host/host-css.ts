/**
 * The chat window's frame on the shop's page: a panel above the launcher, full screen on
 * phones (where the chat's own close button takes over from the hidden launcher). While
 * open, the launcher's bubble turns into a cross. The panel sits on the launcher's side, above
 * it (the loader's --l, --r, --y: the site's look).
 */
export const HOST_CSS =
  // p: the note that takes the frame's place when the page's CSP blocks it.
  'iframe,p{position:fixed;left:var(--l);right:var(--r);bottom:calc(var(--y) + 72px);border:0;border-radius:14px;box-shadow:0 8px 32px #0004;background:#fff;display:none}' +
  'iframe{width:380px;height:min(640px,100% - 92px - var(--y));color-scheme:normal}' +
  'p{margin:0;padding:14px;font:15px sans-serif}' +
  '.open{display:block}' +
  '.open+button:before,.open+button:after{content:"";position:absolute;left:18px;top:28px;width:24px;height:4px;' +
  'border-radius:2px;background:currentColor;transform:rotate(45deg)}' +
  // A label gives way to the cross while open.
  '.open+button{font-size:0}' +
  '.open+button:after{transform:rotate(-45deg)}' +
  '@media (max-width:480px){iframe{inset:0;width:100%;height:100%;border-radius:0}iframe.open+button{display:none}}';
