import { fileURLToPath } from 'node:url';

// Two levels up from this file is the repository root, both for server/src/paths.ts (tests,
// tsx) and for the bundle at server/dist/main.js.
const root = new URL('../../', import.meta.url);

export const paths = {
  /** widget/dist/loader/widget.js: the script tag's loader. */
  loader: fileURLToPath(new URL('widget/dist/loader/widget.js', root)),
  /** widget/dist/frame/: the chat iframe (frame.html + assets/). */
  frame: fileURLToPath(new URL('widget/dist/frame/', root)),
  /** console/dist/: the agent console (index.html + assets/). */
  console: fileURLToPath(new URL('console/dist/', root)),
};
