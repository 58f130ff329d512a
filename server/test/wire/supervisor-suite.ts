/**
 * Supervisor live view and its actions at the wire (issue 15 items 4-5), run on each store:
 * whispers are stored messages, mitigations store bot settings and capacities.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../src/config.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

export function supervisorSuite(label: string, config: () => Partial<Config>) {
  describe(`supervisor live view and actions: ${label}`, () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ config: config() });
    });
    afterAll(() => server.close());
    // Everyone hired goes away after each test: nothing is routed to them later.
    const staff: Awaited<ReturnType<TestServer['agent']>>[] = [];
    const hire = async (options: Parameters<TestServer['agent']>[0]) => {
      const agent = await server.agent(options);
      staff.push(agent);
      return agent;
    };
    afterEach(async () => {
      for (const { socket } of staff.splice(0)) ok(await agentCommand(socket, 'agent:status', { status: 'away' }));
    });

    /** A shopper whose conversation Ann holds. */
    async function heldBy(ann: Awaited<ReturnType<typeof hire>>) {
      const shop = await server.visitor();
      const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
      const assigned = next(ann.socket as never, 'conversation:assigned');
      ok(await visitorCommand(shop.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Where is my parcel?' }));
      await assigned;
      return { shop, conversationId: conversation.id };
    }

    it('shows a supervisor every agent with load and chats, the queue, and updates live; an agent gets 403', async () => {
      const ann = await hire({ name: 'Ann', capacity: 1 });
      const sue = await hire({ name: 'Sue', role: 'supervisor', online: false });
      const { conversationId } = await heldBy(ann);

      const { view } = ok(await agentCommand(sue.socket, 'supervisor:watch', { siteId: server.site.id }));
      const annRow = view.agents.find((a) => a.id === ann.agentId)!;
      expect(annRow).toMatchObject({ status: 'online', connected: true, capacity: 1, load: 1 });
      expect(annRow.conversations.map((c) => c.conversationId)).toEqual([conversationId]);
      expect(view.atRisk.map((c) => c.conversationId)).toContain(conversationId);
      expect(view.forecast.targetSeconds).toBeGreaterThan(0);

      // Ann is full: the next shopper waits, and the watching supervisor hears of it.
      const updated = next<{ view: typeof view }>(sue.socket as never, 'supervisor:updated', (e) => e.view.queue.length >= 1);
      const shop = await server.visitor();
      const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
      ok(await visitorCommand(shop.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hello?' }));
      const live = (await updated).view;
      expect(live.queue.items.map((c) => c.conversationId)).toContain(conversation.id);
      expect(live.queue.oldestSince).not.toBeNull();

      expect(await agentCommand(ann.socket, 'supervisor:watch', { siteId: server.site.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // Leave nobody queued for the next test.
      ok(await agentCommand(sue.socket, 'agent:status', { status: 'online' }));
      ok(await agentCommand(sue.socket, 'supervisor:take-over', { conversationId: conversation.id }));
    });

    it('a whisper reaches the agent holding it, marked for them, and never the shopper; an agent gets 403', async () => {
      const ann = await hire({ name: 'Ann' });
      const bob = await hire({ name: 'Bob', online: false });
      const sue = await hire({ name: 'Sue', role: 'supervisor', online: false });
      const { shop, conversationId } = await heldBy(ann);

      const heard = next<{ message: { kind: string; text: string; whisperTo?: string } }>(ann.socket as never, 'message:created', (e) => e.message.kind === 'note');
      const shopperHeard: string[] = [];
      shop.socket.on('message:created', (e) => shopperHeard.push(e.message.text));
      const { message } = ok(await agentCommand(sue.socket, 'supervisor:whisper', { conversationId, clientId: randomUUID(), text: 'Offer the voucher' }));
      expect(message).toMatchObject({ kind: 'note', whisperTo: ann.agentId, authorName: 'Sue' });
      expect((await heard).message).toMatchObject({ text: 'Offer the voucher', whisperTo: ann.agentId });

      // What the shopper receives next is Ann's reply: the whisper went before it and never came.
      const reply = next<{ message: { text: string } }>(shop.socket as never, 'message:created');
      ok(await agentCommand(ann.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Here is a voucher' }));
      expect((await reply).message.text).toBe('Here is a voucher');
      expect(shopperHeard).not.toContain('Offer the voucher');
      const history = ok(await visitorCommand(shop.socket, 'message:history', { conversationId }));
      expect(history.messages.map((m) => m.text)).not.toContain('Offer the voucher');
      // Stored: the agent reading the history later sees it as a whisper too.
      const stored = ok(await agentCommand(ann.socket, 'message:history', { conversationId }));
      expect(stored.messages.find((m) => m.text === 'Offer the voucher')).toMatchObject({ whisperTo: ann.agentId });

      expect(await agentCommand(bob.socket, 'supervisor:whisper', { conversationId, clientId: randomUUID(), text: 'psst' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it('a supervisor takes a conversation over and moves one to another agent; an agent gets 403 for both', async () => {
      const ann = await hire({ name: 'Ann', capacity: 2 });
      const bob = await hire({ name: 'Bob', capacity: 2, online: false });
      const sue = await hire({ name: 'Sue', role: 'supervisor', online: false });
      const first = await heldBy(ann);
      const second = await heldBy(ann);

      expect(await agentCommand(bob.socket, 'supervisor:take-over', { conversationId: first.conversationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await agentCommand(ann.socket, 'supervisor:move', { conversationId: first.conversationId, toAgentId: bob.agentId })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });

      ok(await agentCommand(sue.socket, 'agent:status', { status: 'online' }));
      const removed = next(ann.socket as never, 'conversation:removed', (e: { conversationId: string }) => e.conversationId === first.conversationId);
      const taken = ok(await agentCommand(sue.socket, 'supervisor:take-over', { conversationId: first.conversationId }));
      expect(taken.conversation.agentId).toBe(sue.agentId);
      await removed;

      ok(await agentCommand(bob.socket, 'agent:status', { status: 'online' }));
      const toBob = next(bob.socket as never, 'conversation:assigned', (e: { item: { conversation: { id: string } } }) => e.item.conversation.id === second.conversationId);
      const moved = ok(await agentCommand(sue.socket, 'supervisor:move', { conversationId: second.conversationId, toAgentId: bob.agentId }));
      expect(moved.conversation.agentId).toBe(bob.agentId);
      await toBob;
    });

    it('mitigations: bot always first, capacities raised, away agents called in; an agent gets 403', async () => {
      const ann = await hire({ name: 'Ann', capacity: 2 });
      const zoe = await hire({ name: 'Zoe', online: false });
      const sue = await hire({ name: 'Sue', role: 'supervisor', online: false });
      const siteId = server.site.id;

      expect(await agentCommand(ann.socket, 'supervisor:mitigate', { siteId, action: 'call-in' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      expect(ok(await agentCommand(sue.socket, 'supervisor:mitigate', { siteId, action: 'bot-first' }))).toEqual({ action: 'bot-first', affected: 1 });
      expect((await server.app.store.bot.settings(siteId as never))?.mode).toBe('always');

      ok(await agentCommand(sue.socket, 'supervisor:mitigate', { siteId, action: 'raise-capacity' }));
      expect((await server.app.store.agents.byId(ann.agentId as never))?.capacity).toBe(3);

      const called = next<{ siteId: string; by: string }>(zoe.socket as never, 'supervisor:call-in');
      const { affected } = ok(await agentCommand(sue.socket, 'supervisor:mitigate', { siteId, action: 'call-in' }));
      expect(affected).toBeGreaterThanOrEqual(1);
      expect(await called).toMatchObject({ siteId, by: 'Sue' });
      // Put the bot back for whatever runs next on this server.
      await server.app.store.bot.saveSettings({ _id: siteId as never, mode: 'off', threshold: 2, updatedAt: Date.now() });
    });

    it('warns when shoppers wait and nobody is online to serve them', async () => {
      const ann = await hire({ name: 'Ann', capacity: 1 });
      const sue = await hire({ name: 'Sue', role: 'supervisor', online: false });
      await heldBy(ann);
      const shop = await server.visitor();
      const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
      ok(await visitorCommand(shop.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Anyone?' }));
      // Ann steps away: a shopper waits and no slot is left to serve them.
      ok(await agentCommand(ann.socket, 'agent:status', { status: 'away' }));
      const { view } = ok(await agentCommand(sue.socket, 'supervisor:watch', { siteId: server.site.id }));
      expect(view.queue.length).toBeGreaterThanOrEqual(1);
      expect(view.warning).toMatchObject({ breachInMinutes: 0 });
      expect(view.awayAgents).toBeGreaterThanOrEqual(1);
      ok(await agentCommand(sue.socket, 'agent:status', { status: 'online' }));
      ok(await agentCommand(sue.socket, 'supervisor:take-over', { conversationId: conversation.id }));
    });
  });
}
