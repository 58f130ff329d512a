/**
 * A blocked head does not hold up the queue (issue 14), against every storage adapter, with
 * the manual clock: 60 conversations wait for a team that is full, one behind them could go
 * to a free agent of another team and does; when the full team frees a slot, the head of the
 * queue has it, not someone behind it.
 */
import type { AgentId, RoutingSettings } from '@counter/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationDoc } from '../../src/store/documents.js';
import type { Store } from '../../src/store/store.js';
import { createDomain, type Domain } from './harness.js';

export function queueLookaheadSuite(label: string, freshStore: () => Promise<Store>) {
  describe(`the queue past a blocked head on ${label}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });

    it('assigns the one behind 60 waiting for a full team, and gives the next free slot to the head', async () => {
      const store = await freshStore();
      opened.push(store);
      const d = await createDomain(store);
      const busy = await d.agent({ name: 'Busy', capacity: 1 });
      const free = await d.agent({ name: 'Free', capacity: 3 });
      await configure(d, {
        teams: [
          { id: 'pre-sales', name: 'Pre-sales', members: [busy._id], capacity: null },
          { id: 'after-sales', name: 'After-sales', members: [free._id], capacity: null },
        ],
        topics: ['Pre-sales', 'Returns'],
        rules: [
          { topic: 'Pre-sales', language: null, tier: null, teamId: 'pre-sales', skills: [], waitSeconds: 3600 },
          { topic: 'Returns', language: null, tier: null, teamId: 'after-sales', skills: [], waitSeconds: 3600 },
        ],
      });
      const withTopic = async (topic: string) => {
        d.clock.advance(1); // arrival order decides the queue
        const visitor = await d.shopper();
        const conversation = await d.services.conversations.start(visitor);
        await d.store.conversations.setTopic(conversation._id, topic, d.clock.now());
        return d.ask(visitor);
      };
      expect((await withTopic('Pre-sales')).agentId).toBe(busy._id);
      const blocked: ConversationDoc[] = [];
      for (let i = 0; i < 60; i++) blocked.push(await withTopic('Pre-sales'));
      expect(blocked.every((c) => c.status === 'waiting')).toBe(true);

      const behind = await withTopic('Returns');
      expect(behind).toMatchObject({ status: 'assigned', agentId: free._id });

      // Busy's slot frees: the head of the 60 has it.
      const held = (await d.store.assignments.byConversations(blocked.map((c) => c._id))).length;
      expect(held).toBe(0);
      const [first] = (await d.store.conversations.queue(1)).map((c) => c._id);
      expect(first).toBe(blocked[0]!._id);
      const busyHolds = (await d.store.assignments.loads([busy._id])).get(busy._id);
      expect(busyHolds).toBe(1);
      const mine = await d.store.conversations.assigned(100);
      await d.services.router.resolve(d.actor(busy._id), mine.find((c) => c.agentId === busy._id)!._id);
      await d.services.router.drain();
      expect(await d.conversation(blocked[0]!._id)).toMatchObject({ status: 'assigned', agentId: busy._id });
      expect((await d.store.assignments.byConversations(blocked.map((c) => c._id))).map((a) => a._id)).toEqual([blocked[0]!._id]);
      expect(d.errors).toEqual([]);
    }, 120_000); // 62 conversations on FerretDB take their time
  });
}

async function configure(d: Domain, settings: Partial<RoutingSettings>): Promise<void> {
  const full: RoutingSettings = { teams: [], agents: [], topics: [], rules: [], vipTeamId: null, lastAgentDays: 3, ...settings };
  await d.services.routing.save({ agentId: 'owner' as AgentId, role: 'owner', siteIds: [] }, d.siteId, full);
}
