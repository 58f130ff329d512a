// @vitest-environment node
import type { AgentId, VisitorId } from '@counter/shared';
import { describe, expect, it, vi } from 'vitest';
import { shortcutFor } from '../../src/lib/shortcuts.js';
import { transferTargets } from '../../src/lib/transfer-targets.js';
import { createTypingSignal } from '../../src/lib/typing-signal.js';
import { shortDuration } from '../../src/lib/time-format.js';
import { parseRoute, routeHref } from '../../src/stores/route-store.js';
import { visitorLabel } from '../../src/lib/visitor-label.js';
import { summary } from '../support/fixtures.js';

const key = (k: string, over: Partial<Parameters<typeof shortcutFor>[0]> = {}) =>
  shortcutFor({ key: k, altKey: false, ctrlKey: false, metaKey: false, inTextField: false, ...over });

describe('small rules', () => {
  it('transfer targets: online, connected, with a free slot, not me; least loaded first', () => {
    const me = summary({ name: 'Me' });
    const agents = [
      me,
      summary({ name: 'Full', load: 3, capacity: 3 }),
      summary({ name: 'Away', status: 'away' }),
      summary({ name: 'Gone', connected: false }),
      summary({ name: 'Busy', load: 2, capacity: 3 }),
      summary({ name: 'Free', load: 0, capacity: 2 }),
    ];
    expect(transferTargets(agents, me.id as AgentId).map((a) => a.name)).toEqual(['Free', 'Busy']);
  });

  it('shortcuts: single keys outside fields, Alt+arrows everywhere', () => {
    expect(key('j')).toBe('next');
    expect(key('j', { inTextField: true })).toBeNull();
    expect(key('ArrowDown', { altKey: true, inTextField: true })).toBe('next');
    expect(key('e', { ctrlKey: true })).toBeNull();
    expect(key('?')).toBe('help');
    expect(key('Escape', { inTextField: true })).toBe('escape');
  });

  it('typing signal: one "true" per burst, "false" after a pause or on stop', () => {
    vi.useFakeTimers();
    try {
      const sent: boolean[] = [];
      const signal = createTypingSignal((t) => sent.push(t), {
        idleMs: 3000,
        refreshMs: 5000,
        timers: { now: () => Date.now(), setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as never) },
      });
      signal.input();
      signal.input();
      vi.advanceTimersByTime(1000);
      signal.input();
      expect(sent).toEqual([true]);
      vi.advanceTimersByTime(3000);
      expect(sent).toEqual([true, false]);
      signal.input();
      signal.stop();
      signal.stop();
      expect(sent).toEqual([true, false, true, false]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('routes round-trip through the hash', () => {
    for (const hash of ['#/inbox', '#/queue', '#/c/abc_123', '#/canned', '#/admin/agents', '#/admin/sites', '#/account']) {
      expect(routeHref(parseRoute(hash))).toBe(hash);
    }
    expect(parseRoute('#/nonsense')).toEqual({ name: 'inbox' });
    expect(parseRoute('')).toEqual({ name: 'inbox' });
  });

  it('durations and labels', () => {
    expect(shortDuration(2_000)).toBe('now');
    expect(shortDuration(30_000)).toBe('30s');
    expect(shortDuration(4 * 60_000)).toBe('4m');
    expect(shortDuration(125 * 60_000)).toBe('2h 5m');
    expect(visitorLabel({ id: 'abcdef' as VisitorId, name: null, email: null })).toBe('Shopper ABCD');
    expect(visitorLabel({ id: 'abcdef' as VisitorId, name: ' ', email: 'x@y.z' })).toBe('x@y.z');
  });
});
