/**
 * The chat window's frame on the shop's page: a panel above the launcher, full screen on
 * phones (where the chat's own close button takes over from the hidden launcher). While
 * open, the launcher's bubble turns into a cross.
 */
export const HOST_CSS =
  // p: the note that takes the frame's place when the page's CSP blocks it.
  'iframe,p{position:fixed;right:20px;bottom:92px;border:0;border-radius:14px;box-shadow:0 8px 32px #0004;background:#fff;display:none}' +
  'iframe{width:380px;height:min(640px,100% - 112px);color-scheme:normal}' +
  'p{margin:0;padding:14px;font:15px sans-serif}' +
  '.open{display:block}' +
  '.open+button:before,.open+button:after{content:"";position:absolute;left:18px;top:28px;width:24px;height:4px;' +
  'border-radius:2px;background:#fff;transform:rotate(45deg)}' +
  '.open+button:after{transform:rotate(-45deg)}' +
  '@media (max-width:480px){iframe{inset:0;width:100%;height:100%;border-radius:0}iframe.open+button{display:none}}';
