/** Arrival counts for the peak forecast (issue 15 item 5), the same on every adapter. */
import type { SiteId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { conversationDoc, newTestId } from '../support/fixtures.js';
import { openedStore, type StoreHarness } from './contract.js';

export function arrivalsContract(label: string, harness: () => Promise<StoreHarness>) {
  describe(`arrival counts: ${label}`, () => {
    const ctx = openedStore(harness);

    it('counts one site\'s conversations created in [from, to), and finds its first', async () => {
      const site = newTestId() as SiteId;
      const other = newTestId() as SiteId;
      expect(await ctx.store.arrivals.first(site)).toBeNull();
      for (const [siteId, createdAt] of [[site, 1000], [site, 1999], [site, 2000], [site, 2500], [other, 1500]] as const) {
        await ctx.store.conversations.create(conversationDoc({ siteId, createdAt, status: 'resolved' }));
      }
      expect(await ctx.store.arrivals.count(site, 1000, 2000)).toBe(2);
      expect(await ctx.store.arrivals.count(site, 2000, 3000)).toBe(2);
      expect(await ctx.store.arrivals.count(site, 0, 1000)).toBe(0);
      expect(await ctx.store.arrivals.count(other, 0, 3000)).toBe(1);
      expect(await ctx.store.arrivals.first(site)).toBe(1000);
    });
  });
}
