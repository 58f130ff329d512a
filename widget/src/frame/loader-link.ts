/**
 * The frame's side of the postMessage protocol. The page's origin is learned from the
 * loader's first message (`event.origin`, set by the browser, so it cannot be forged);
 * from then on only that origin, from the parent window, is heard, and replies go to it.
 */
import type { FrameToLoader, LoaderToFrame } from '../bridge';

export interface LoaderLink {
  post(message: FrameToLoader): void;
}

export function listenToLoader(win: Window, onMessage: (message: LoaderToFrame, origin: string) => void): LoaderLink {
  let origin: string | null = null;
  win.addEventListener('message', (event) => {
    if (win.parent === win || event.source !== win.parent) return;
    const message = event.data as LoaderToFrame | null;
    if (origin === null) {
      if (message?.t !== 'init') return;
      origin = event.origin;
    } else if (event.origin !== origin) {
      return;
    }
    onMessage(message!, origin);
  });
  return {
    post(message) {
      if (origin) win.parent.postMessage(message, origin);
    },
  };
}
