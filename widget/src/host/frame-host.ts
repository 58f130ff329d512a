/**
 * The chat iframe: created on the first open, kept (hidden) after closing so the
 * conversation stays live and can raise the unread badge. Messages go to the chat server's
 * exact origin; only messages from that origin *and* from this iframe's window are read.
 */
import type { FrameToLoader, LoaderToFrame } from '../bridge';

export interface FrameHost {
  /** Creates the iframe once (again after remove); `init()` is posted each time it loads. */
  ensure(): HTMLIFrameElement;
  /** Posts only to a loaded frame: before that, `init()` carries the state. */
  post(message: LoaderToFrame): void;
  show(open: boolean): void;
  remove(): void;
}

export interface FrameHostOptions {
  root: ShadowRoot;
  /** The iframe goes before the launcher, so CSS can hide the launcher while full-screen. */
  before: Node;
  origin: string;
  src: string;
  title: string;
  init(): LoaderToFrame;
  onMessage(message: FrameToLoader): void;
}

export function createFrameHost({ root, before, origin, src, title, init, onMessage }: FrameHostOptions): FrameHost {
  let frame: HTMLIFrameElement | undefined;
  let ready = false;
  let open = false;
  const viewport = window.visualViewport;

  // Full screen on a phone: follow the visual viewport so the on-screen keyboard never
  // covers the composer (the layout viewport does not shrink when the keyboard opens).
  const fit = () => {
    if (!frame) return;
    const on = open && viewport && matchMedia('(max-width: 480px)').matches;
    frame.style.height = on ? `${viewport.height}px` : '';
    frame.style.top = on ? `${viewport.offsetTop}px` : '';
  };
  viewport?.addEventListener('resize', fit);
  viewport?.addEventListener('scroll', fit);
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
        root.insertBefore(frame, before);
      }
      return frame;
    },
    post,
    show(value) {
      open = value;
      if (frame) frame.className = value ? 'open' : '';
      fit();
    },
    remove() {
      frame?.remove();
      frame = undefined;
      ready = false;
    },
  };
}
