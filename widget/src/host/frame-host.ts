/**
 * The chat iframe: created on the first open, kept (hidden) after closing so the
 * conversation stays live and can raise the unread badge. Messages go to the chat server's
 * exact origin; only messages from that origin *and* from this iframe's window are read.
 */
import type { FrameToLoader, LoaderToFrame } from '../bridge';
import type { Root } from '../loader/launcher';

export interface FrameHost {
  /** Creates the iframe once (again after remove); `init()` is posted each time it loads. */
  ensure(): HTMLIFrameElement;
  /** Posts only to a loaded frame: before that, `init()` carries the state. */
  post(message: LoaderToFrame): void;
  show(open: boolean): void;
  remove(): void;
}

export interface FrameHostOptions {
  root: Root;
  /** The iframe goes before the launcher, so CSS can hide the launcher while full-screen. */
  before: Node;
  origin: string;
  src: string;
  title: string;
  /** Shown by the launcher when the page's CSP blocks the frame. */
  blocked: string;
  init(): LoaderToFrame;
  onMessage(message: FrameToLoader): void;
}

export function createFrameHost({ root, before, origin, src, title, blocked, init, onMessage }: FrameHostOptions): FrameHost {
  let frame: HTMLIFrameElement | undefined;
  /** What opens: the frame, or the note that replaced it. */
  let box: HTMLElement | undefined;
  let ready = false;
  let open = false;
  const viewport = window.visualViewport;

  // Full screen on a phone: follow the visual viewport so the on-screen keyboard never
  // covers the composer (the layout viewport does not shrink when the keyboard opens).
  // A page's `zoom` on <html> scales our px too (740 px became 1110): divide it out.
  const fit = () => {
    if (!frame) return;
    const on = open && viewport && matchMedia('(max-width: 480px)').matches;
    const zoom = frame.currentCSSZoom || 1;
    frame.style.height = on ? `${viewport.height / zoom}px` : '';
    frame.style.top = on ? `${viewport.offsetTop / zoom}px` : '';
  };
  viewport?.addEventListener('resize', fit);
  viewport?.addEventListener('scroll', fit);
  // A page CSP without our origin in frame-src leaves a grey empty frame: say so instead,
  // to the shopper by the launcher and to the merchant in the console.
  document.addEventListener('securitypolicyviolation', (event) => {
    if (!frame || event.effectiveDirective != 'frame-src' || !event.blockedURI.startsWith(origin) || event.disposition != 'enforce') return;
    console.warn(`Counter: add ${origin} to this page's CSP frame-src (and connect-src)`);
    const note = document.createElement('p');
    note.textContent = blocked;
    note.setAttribute('role', 'alert');
    note.className = frame.className;
    frame.replaceWith((box = note));
  });
  addEventListener('message', (event) => {
    if (event.origin === origin && frame && event.source === frame.contentWindow) onMessage(event.data as FrameToLoader);
  });

  const post = (message: LoaderToFrame) => {
    if (!ready || !frame?.contentWindow) return;
    try {
      frame.contentWindow.postMessage(message, origin);
    } catch {
      // Something the shop passed cannot be cloned; the server would refuse it anyway.
    }
  };

  return {
    ensure() {
      if (!frame) {
        frame = document.createElement('iframe');
        frame.title = title;
        frame.src = src;
        // Lets the chat play its (optional) notification sound.
        frame.allow = 'autoplay';
        frame.addEventListener('load', () => {
          ready = true;
          post(init());
        });
        root.insertBefore((box = frame), before);
      }
      return frame;
    },
    post,
    show(value) {
      open = value;
      if (box) box.className = value ? 'open' : '';
      fit();
    },
    remove() {
      box?.remove();
      frame = box = undefined;
      ready = false;
    },
  };
}
