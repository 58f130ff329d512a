/**
 * On a phone the chat is full screen, and it follows the visual viewport: when the
 * on-screen keyboard opens, the frame shrinks to the part still visible, so the composer
 * stays above the keyboard.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFrameHost } from '../../src/host/frame-host';

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function setup(narrow: boolean) {
  const viewport = Object.assign(new EventTarget(), { height: 740, offsetTop: 0 });
  vi.stubGlobal('visualViewport', viewport);
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: narrow && query.includes('max-width') }));
  const container = document.body.appendChild(document.createElement('div'));
  const frames = createFrameHost({
    root: container,
    before: container.appendChild(document.createElement('button')),
    origin: 'https://chat.example.com',
    src: 'about:blank',
    title: 'Chat',
    blocked: 'The chat cannot open on this page.',
    init: () => ({ t: 'init', locale: null, token: null, kept: {}, context: {}, identity: null, open: true }),
    onMessage: () => {},
  });
  const iframe = frames.ensure();
  const keyboard = (height: number, offsetTop: number) => {
    Object.assign(viewport, { height, offsetTop });
    viewport.dispatchEvent(new Event('resize'));
  };
  return { frames, iframe, keyboard };
}

describe('the chat on a phone', () => {
  it('fits the visible part of the screen while open, and lets go when closed', () => {
    const { frames, iframe, keyboard } = setup(true);
    frames.show(true);
    expect(iframe.className).toBe('open');
    expect(iframe.style.height).toBe('740px');
    keyboard(420, 60);
    expect(iframe.style.height).toBe('420px');
    expect(iframe.style.top).toBe('60px');
    frames.show(false);
    expect(iframe.style.height).toBe('');
    expect(iframe.style.top).toBe('');
  });

  it('leaves the desktop panel to its stylesheet', () => {
    const { frames, iframe, keyboard } = setup(false);
    frames.show(true);
    keyboard(500, 0);
    expect(iframe.style.height).toBe('');
  });
});
