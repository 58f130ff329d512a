/**
 * The after-sales repository on every adapter: one ledger document per key, transitions only
 * from the state named, and a daily total that twenty parallel reservations cannot overrun
 * (FerretDB v1 has no atomic conditional update; the unique-insert chain holds there too).
 */
import { describe, expect, it } from 'vitest';
import type { AgentId, ConversationId, SiteId } from '@counter/shared';
import type { ActionDoc } from '../../src/store/documents.js';
import { newTestId } from '../support/fixtures.js';
import { openedStore, type StoreHarness } from './contract.js';

const action = (over: Partial<ActionDoc> = {}): ActionDoc => ({
  _id: crypto.randomUUID(),
  siteId: 'site-1' as SiteId,
  conversationId: newTestId() as ConversationId,
  orderId: 'ord_1',
  orderNumber: '1',
  orderTotal: 10_000,
  currency: 'USD',
  customerId: 'c1',
  kind: 'refund',
  spec: { kind: 'refund', amount: 500 },
  amount: 500,
  reason: 'why',
  state: 'requested',
  requestedBy: { id: 'a1' as AgentId, name: 'Ann' },
  decidedBy: null,
  approvalReason: null,
  reservedOn: null,
  reference: null,
  message: null,
  runningSince: null,
  createdAt: Date.now(),
  updatedAt: Date.now(),
  ...over,
});

export function afterSalesContract(label: string, harness: () => Promise<StoreHarness>) {
  describe(`after-sales store: ${label}`, () => {
    const ctx = openedStore(harness);

    it('keeps one action per key, moved on only from the state named', async () => {
      const doc = action();
      const inserts = await Promise.all(Array.from({ length: 5 }, () => ctx.store.afterSales.ledger.insert(doc)));
      expect(inserts.filter(Boolean)).toHaveLength(1);
      expect(await ctx.store.afterSales.ledger.transition(doc._id, ['pending_approval'], { state: 'running' })).toBeNull();
      expect(await ctx.store.afterSales.ledger.transition(doc._id, ['requested'], { state: 'running', runningSince: 1 })).toMatchObject({ state: 'running', runningSince: 1 });
      expect((await ctx.store.afterSales.ledger.inStates(['running'], ['site-1' as SiteId], 10)).map((d) => d._id)).toContain(doc._id);
    });

    it('holds a daily total under 20 parallel reservations, and gives back a release', async () => {
      const counter = `site-1:${newTestId()}:1`;
      const reserved = await Promise.all(Array.from({ length: 20 }, (_, i) => ctx.store.afterSales.spend.reserve(counter, 100, 1000, `k${i}`, i)));
      expect(reserved.filter(Boolean)).toHaveLength(10);
      expect(await ctx.store.afterSales.spend.total(counter)).toBe(1000);
      await ctx.store.afterSales.spend.release(counter, 100, 'k0', 99);
      expect(await ctx.store.afterSales.spend.total(counter)).toBe(900);
    });

    it('appends audit entries and filters them by agent, action and date', async () => {
      const siteId = newTestId() as SiteId;
      const base = { siteId, agentName: 'Ann', amount: 1, currency: 'USD', orderId: 'o', orderNumber: '1', conversationId: 'c' as ConversationId, idempotencyKey: 'k', reference: null, outcome: null };
      await ctx.store.afterSales.audit.append({ _id: newTestId(), ...base, agentId: 'a1' as AgentId, action: 'refund', event: 'done', at: 1000 });
      await ctx.store.afterSales.audit.append({ _id: newTestId(), ...base, agentId: 'a2' as AgentId, action: 'voucher', event: 'done', at: 2000 });
      await ctx.store.afterSales.audit.append({ _id: newTestId(), ...base, agentId: 'a1' as AgentId, action: 'voucher', event: 'done', at: 3000 });
      const list = (q: object) => ctx.store.afterSales.audit.list({ siteIds: [siteId], limit: 10, ...q }).then((l) => l.map((e) => e.at));
      expect(await list({})).toEqual([3000, 2000, 1000]);
      expect(await list({ agentId: 'a1' })).toEqual([3000, 1000]);
      expect(await list({ kind: 'voucher', from: 2500 })).toEqual([3000]);
      expect(await list({ to: 1500 })).toEqual([1000]);
    });

    it('stores a site\'s limits and replaces them', async () => {
      const siteId = newTestId() as SiteId;
      expect(await ctx.store.afterSales.limits.get(siteId)).toBeNull();
      const limits = { agent: null, supervisor: null, admin: null } as never;
      await ctx.store.afterSales.limits.set({ _id: siteId, limits, updatedAt: 1, updatedBy: 'a' as AgentId });
      await ctx.store.afterSales.limits.set({ _id: siteId, limits, updatedAt: 2, updatedBy: 'b' as AgentId });
      expect(await ctx.store.afterSales.limits.get(siteId)).toMatchObject({ updatedAt: 2, updatedBy: 'b' });
    });
  });
}
