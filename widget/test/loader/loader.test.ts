/**
 * The loader's parts on a page (jsdom): the API queue, the launcher in its shadow root,
 * what it remembers, and SPA navigation.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installApi } from '../../src/loader/api';
import { createLauncher } from '../../src/loader/launcher';
import { forget, memoryKey, recall, recallAll, remember } from '../../src/loader/memory';
import { watchPages } from '../../src/host/page-watch';

interface CounterFn {
  (...args: unknown[]): unknown;
  q?: unknown[];
  on(event: string, fn: (value?: unknown) => void): () => void;
  identify(identity: unknown): void;
  close(): void;
}
const win = window as unknown as { Counter?: CounterFn };
const LOOK = { color: '#1d4ed8', side: 'right', x: 20, y: 20 };

afterEach(() => {
  delete win.Counter;
  localStorage.clear();
  vi.useRealTimers();
});

describe('the API', () => {
  it('runs the calls queued by the snippet, in order: listeners at once, the rest through the host part', () => {
    win.Counter = Object.assign(function stub(...args: unknown[]) {
      (win.Counter!.q ||= []).push(args);
    }) as unknown as CounterFn;
    const seen: unknown[] = [];
    win.Counter('setContext', { product: { title: 'Trail Runner 2' } });
    win.Counter('on', 'unread', (n: unknown) => seen.push(n));
    win.Counter('open');
    const intents: string[] = [];
    const api = installApi(([method]) => intents.push(method));
    expect(intents).toEqual([]);
    api.r();
    // An early open is intent: the loader fetches the host part for it.
    expect(intents).toEqual(['setContext', 'open']);
    api.e('unread', 1);
    expect(seen).toEqual([1]);
    win.Counter.identify({ id: 'c1' }); // after install: waits too
    expect(intents).toEqual(['setContext', 'open', 'identify']);

    const handled: unknown[] = [];
    api.c((call) => handled.push(call));
    expect(handled).toEqual([['setContext', { product: { title: 'Trail Runner 2' } }], ['open'], ['identify', { id: 'c1' }]]);
    win.Counter.close();
    expect(handled.at(-1)).toEqual(['close']);
  });

  it('lets the shop listen to open, close and unread, and stop listening', () => {
    const api = installApi(() => {});
    const seen: unknown[] = [];
    const off = win.Counter!.on('unread', (n: unknown) => seen.push(n));
    win.Counter!('on', 'open', () => seen.push('opened'));
    win.Counter!.on('close', () => {
      throw new Error('a broken listener of the shop');
    });
    api.e('unread', 2);
    api.e('open');
    api.e('close');
    off();
    api.e('unread', 3);
    expect(seen).toEqual([2, 'opened']);
  });
});

describe('the launcher', () => {
  it('is a button in a shadow root, out of reach of the page CSS', () => {
    const [host, root, button] = createLauncher(LOOK, undefined, 'Chat with us');
    expect(button.textContent).toBe('');
    document.body.append(host);
    expect(host.shadowRoot).toBe(root);
    expect(root.querySelector('button')).toBe(button);
    expect(button.getAttribute('aria-label')).toBe('Chat with us');
    expect(document.querySelector('button')).toBeNull();
    host.remove();
  });

  it('lives in its own element when the page removed attachShadow', () => {
    const attachShadow = Element.prototype.attachShadow;
    delete (Element.prototype as Partial<Element>).attachShadow;
    try {
      const [host, root, button] = createLauncher({ ...LOOK, side: 'left', x: 24, y: 90 }, 'Help', 'Chat with us');
      expect(button.textContent).toBe('Help');
      expect(root).toBe(host);
      expect(host.querySelector('button')).toBe(button);
      // Its rules nested under its element, so they reach nothing else on the page.
      expect(host.querySelector('style')?.textContent).toMatch(/^counter-chat\{&\{all:initial!important;/);
      // The look's custom properties: the left side, the offsets, the colour.
      expect(host.querySelector('style')?.textContent).toContain('&{--c:#1d4ed8;--y:90px;--l:24px}');
    } finally {
      Element.prototype.attachShadow = attachShadow;
    }
  });
});

describe('memory', () => {
  it('remembers the visitor on the shop origin as URL-encoded pairs, and forgets it on logout', () => {
    const key = memoryKey('site-1');
    expect(recall(key)).toEqual({});
    remember(key, { t: 'token', c: '1', 'o:a': '{"text":"a&b=c"}' });
    expect(localStorage.getItem(key)).toBe('t=token&c=1&o%3Aa=%7B%22text%22%3A%22a%26b%3Dc%22%7D');
    expect(recall(key)).toEqual({ t: 'token', c: '1', 'o:a': '{"text":"a&b=c"}' });
    expect(recallAll(key)).toEqual(recall(key));
    forget(key);
    expect(recall(key)).toEqual({});
  });

  it('never calls the page\'s JSON (a shop may have broken it)', () => {
    const key = memoryKey('site-1');
    const spies = [vi.spyOn(JSON, 'parse'), vi.spyOn(JSON, 'stringify')];
    remember(key, { t: 'token', c: '1' });
    expect(recall(key)).toEqual({ t: 'token', c: '1' });
    expect(recallAll(key)).toEqual({ t: 'token', c: '1' });
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('reads what earlier versions stored as JSON, its frame values flattened', () => {
    const key = memoryKey('site-1');
    localStorage.setItem(key, JSON.stringify({ t: 'token', c: true, f: { 'o:a': '{}', sound: '1' } }));
    expect(recallAll(key)).toEqual({ t: 'token', c: true, 'o:a': '{}', sound: '1' });
    localStorage.setItem(key, '{broken');
    expect(recallAll(key)).toEqual({});
  });
});

describe('page watch', () => {
  it('reports pushState, replaceState and back/forward, after the shop updated its title', () => {
    vi.useFakeTimers();
    const reports: string[] = [];
    watchPages(() => reports.push(`${location.pathname} ${document.title}`));
    history.pushState({}, '', '/p/city-knit');
    document.title = 'City Knit';
    vi.runAllTimers();
    history.replaceState({}, '', '/p/city-knit?color=sand');
    window.dispatchEvent(new PopStateEvent('popstate'));
    vi.runAllTimers();
    expect(reports).toEqual(['/p/city-knit City Knit', '/p/city-knit City Knit', '/p/city-knit City Knit']);
  });
});
