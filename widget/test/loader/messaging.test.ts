/**
 * postMessage between the shop's page and the chat frame: exact target origins both ways,
 * and nothing read unless it comes from the expected window and origin.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrameHost } from '../../src/host/frame-host';
import { listenToLoader } from '../../src/frame/loader-link';

const CHAT = 'https://chat.example.com';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the loader side', () => {
  it('posts to the frame only once loaded and only to the chat origin, and reads only the frame', () => {
    // jsdom gives no window to an iframe inside a shadow root; a plain container will do.
    const container = document.body.appendChild(document.createElement('div'));
    const root = container;
    const before = container.appendChild(document.createElement('button'));
    const heard: unknown[] = [];
    const frames = createFrameHost({
      root,
      before,
      origin: CHAT,
      src: 'about:blank',
      title: 'Chat',
    blocked: 'The chat cannot open on this page.',
      init: () => ({ t: 'init', locale: null, token: null, kept: {}, context: {}, identity: null, open: true }),
      onMessage: (m) => heard.push(m),
    });
    const iframe = frames.ensure();
    expect(frames.ensure()).toBe(iframe);
    expect(iframe.title).toBe('Chat');
    const post = vi.spyOn(iframe.contentWindow!, 'postMessage').mockImplementation(() => {});

    frames.post({ t: 'open' });
    expect(post).not.toHaveBeenCalled();
    iframe.dispatchEvent(new Event('load'));
    expect(post).toHaveBeenCalledWith(expect.objectContaining({ t: 'init' }), CHAT);

    const message = (origin: string, source: Window | null) => window.dispatchEvent(new MessageEvent('message', { data: { t: 'close' }, origin, source }));
    message('https://evil.example', iframe.contentWindow);
    message(CHAT, window);
    expect(heard).toEqual([]);
    message(CHAT, iframe.contentWindow);
    expect(heard).toEqual([{ t: 'close' }]);
  });
});

describe('the frame side', () => {
  function fakeWindow() {
    const listeners: ((e: MessageEvent) => void)[] = [];
    const parent = { postMessage: vi.fn() };
    const win = { parent, addEventListener: (_: string, l: (e: MessageEvent) => void) => listeners.push(l) } as unknown as Window;
    const send = (data: unknown, origin: string, source: unknown = parent) => listeners.forEach((l) => l({ data, origin, source } as MessageEvent));
    return { win, parent, send };
  }

  it('learns the page origin from the first init, then hears and answers only it', () => {
    const { win, parent, send } = fakeWindow();
    const heard: [unknown, string][] = [];
    const link = listenToLoader(win, (m, origin) => heard.push([m, origin]));
    link.post({ t: 'close' });
    expect(parent.postMessage).not.toHaveBeenCalled(); // no origin known yet: nothing goes out

    send({ t: 'open' }, 'https://shop.example'); // not an init: ignored
    send({ t: 'init' }, 'https://shop.example', {}); // not from the parent window: ignored
    send({ t: 'init' }, 'https://shop.example');
    send({ t: 'ctx' }, 'https://evil.example');
    send({ t: 'open' }, 'https://shop.example');
    expect(heard).toEqual([
      [{ t: 'init' }, 'https://shop.example'],
      [{ t: 'open' }, 'https://shop.example'],
    ]);
    link.post({ t: 'unread', n: 1 });
    expect(parent.postMessage).toHaveBeenCalledWith({ t: 'unread', n: 1 }, 'https://shop.example');
  });
});
