/**
 * Presence history (issue 15 leftovers), the same on every adapter: stretches written by state
 * changes, sampled for load, closed where last seen after a crash, and summed exactly over a
 * range whose edges cut stretches (hand-computed below).
 */
import type { AgentId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { presenceFigures } from '../../src/domain/reports/agent-presence.js';
import { newTestId } from '../support/fixtures.js';
import { openedStore, type StoreHarness } from './contract.js';

export function presenceHistoryContract(label: string, harness: () => Promise<StoreHarness>) {
  describe(`presence history: ${label}`, () => {
    const ctx = openedStore(harness);

    it('sums online and away time inside the range, cutting stretches at its edges, and samples load', async () => {
      const ann = newTestId() as AgentId;
      const bob = newTestId() as AgentId;
      const h = ctx.store.presenceHistory;
      // Ann: online 1000–3000, away 3000–5000, online from 5000 (open).
      await h.change(ann, 'online', 1000);
      await h.change(ann, 'online', 1500); // the same state again: nothing new
      await h.change(ann, 'away', 3000);
      await h.change(ann, 'online', 5000);
      // Bob: online 500–900, then offline: before the range.
      await h.change(bob, 'online', 500);
      await h.change(bob, 'offline', 900);
      await h.change(bob, 'offline', 950);

      expect((await h.open()).filter((o) => o.agentId === ann || o.agentId === bob)).toEqual([{ agentId: ann, state: 'online' }]);

      const range = await h.overlapping([ann, bob], 2000, 6000);
      expect(range.map((i) => [i.state, i.from, i.to])).toEqual([
        ['online', 1000, 3000],
        ['away', 3000, 5000],
        ['online', 5000, null],
      ]);
      // [2000, 6000): online 1000 (2000–3000) + 1000 (5000–6000, the open one cut at the range's end).
      expect(presenceFigures(range, 2000, 6000, 8000).get(ann)).toEqual({ onlineMs: 2000, awayMs: 2000, concurrentLoad: null, concurrentPeak: null });
      expect((await h.overlapping([bob], 1000, 6000)).length).toBe(0);

      // Two samples while online: 2 and 4 open chats.
      await h.sample(new Map([[ann, 2]]), [], 5500);
      await h.sample(new Map([[ann, 4]]), [], 6000);
      // Open until now (8000) inside [0, 10000): 2000 + 3000 online.
      const all = await h.overlapping([ann], 0, 10_000);
      expect(presenceFigures(all, 0, 10_000, 8000).get(ann)).toEqual({ onlineMs: 5000, awayMs: 2000, concurrentLoad: 3, concurrentPeak: 4 });

      // A crash: the open stretch ends where it was last seen (6000), not when noticed.
      await h.closeAtLastSeen([ann]);
      const closed = await h.overlapping([ann], 0, 10_000);
      expect(closed.map((i) => i.to)).toEqual([3000, 5000, 6000]);
      expect(presenceFigures(closed, 0, 10_000, 8000).get(ann)).toMatchObject({ onlineMs: 3000, awayMs: 2000 });
      expect((await h.open()).some((o) => o.agentId === ann)).toBe(false);
    });

    it('keeps one open stretch per agent when changes race', async () => {
      const sue = newTestId() as AgentId;
      const h = ctx.store.presenceHistory;
      await Promise.all([h.change(sue, 'online', 100), h.change(sue, 'online', 100), h.change(sue, 'online', 100)]);
      const open = (await h.open()).filter((o) => o.agentId === sue);
      expect(open).toEqual([{ agentId: sue, state: 'online' }]);
      // Survives a restart.
      await ctx.restart();
      expect((await ctx.store.presenceHistory.open()).filter((o) => o.agentId === sue)).toHaveLength(1);
    });
  });
}
