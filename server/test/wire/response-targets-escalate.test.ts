/**
 * Response targets at the wire (issue 14, item 4), on both stores: admins set them over REST
 * (validated, admin-only), a conversation its agent leaves unanswered is moved to the free
 * agent before the target and its supervisors hear of it on their sockets, and the breach is
 * recorded exactly once although every sweep sees it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Breach, ResponseTargets, TargetEscalation } from '@counter/shared';
import { DEFAULT_TARGETS } from '@counter/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { agentCommand, eventually, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/index.js';

const wire = await startMongoWire();
if ('skipped' in wire) console.warn(`[mongodb] response targets wire test skipped: ${wire.skipped}`);
afterAll(async () => {
  if (!('skipped' in wire)) await wire.server.dispose();
});

// 5 s (the shortest target allowed), escalating at 10 %: half a second after the shopper's message.
const FAST: ResponseTargets = {
  vip: { firstSeconds: 5, nextSeconds: 5, asyncSeconds: 3600 },
  standard: { firstSeconds: 5, nextSeconds: 5, asyncSeconds: 3600 },
  escalation: { action: 'move', atPercent: 10 },
};

const stores = [
  { label: 'the embedded store', config: () => ({}) },
  {
    label: 'mongodb',
    skip: 'skipped' in wire,
    config: () => {
      const url = new URL((wire as { server: { url: string } }).server.url);
      url.pathname = `/targets_${randomBytes(5).toString('hex')}`;
      return { mongodbUrl: url.toString() };
    },
  },
];

for (const store of stores) {
  describe.skipIf(store.skip === true)(`response targets at the wire on ${store.label}`, () => {
    let server: TestServer;
    afterAll(() => server?.close());

    it('admins set targets (validated); every member reads them for the badges', async () => {
      server = await startTestServer({ config: { ...store.config(), sweepIntervalMs: 50 } });
      const owner = await server.login(server.adminEmail, server.adminPassword);
      const url = `/api/v1/sites/${server.site.id}/targets`;
      const got = await server.app.inject({ method: 'GET', url, headers: { cookie: owner } });
      expect(got.json()).toEqual({ targets: DEFAULT_TARGETS });
      const bad = await server.app.inject({
        method: 'PUT',
        url,
        headers: { cookie: owner },
        payload: { targets: { ...FAST, vip: { firstSeconds: '5', nextSeconds: 1, asyncSeconds: 5 } } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
      const plain = await server.agent({ online: false });
      const refused = await server.app.inject({ method: 'PUT', url, headers: { cookie: plain.cookie }, payload: { targets: FAST } });
      expect(refused.statusCode).toBe(403);
      const put = await server.app.inject({ method: 'PUT', url, headers: { cookie: owner }, payload: { targets: FAST } });
      expect(put.statusCode).toBe(200);
      const mine = await server.app.inject({ method: 'GET', url: '/api/v1/targets', headers: { cookie: plain.cookie } });
      expect(mine.json().sites).toContainEqual({ siteId: server.site.id, targets: FAST });
      plain.socket.disconnect();
    });

    it('moves an unanswered conversation to the free agent, tells the supervisor, records the breach once', async () => {
      const sue = await server.agent({ name: 'Sue', role: 'supervisor', online: false });
      const [ann, bob] = [await server.agent({ name: 'Ann' }), await server.agent({ name: 'Bob' })];
      const shopper = await server.visitor();
      const { conversation } = ok(await visitorCommand(shopper.socket, 'conversation:start', {}));
      const firstAssigned = Promise.race(
        [ann, bob].map((a) => next<{ item: { conversation: { id: string } } }>(a.socket as never, 'conversation:assigned').then(() => a)),
      );
      const escalated = next<{ escalation: TargetEscalation }>(sue.socket as never, 'target:escalated', (e) => e.escalation.conversationId === conversation.id);
      ok(await visitorCommand(shopper.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Anyone?' }));
      const holder = await firstAssigned;
      const other = holder === ann ? bob : ann;
      const removed = next(holder.socket as never, 'conversation:removed', (e: { conversationId: string; reason: string }) => e.conversationId === conversation.id);
      const movedTo = next<{ item: { conversation: { id: string } }; reason: string }>(other.socket as never, 'conversation:assigned');

      const { escalation } = await escalated;
      expect(escalation).toMatchObject({ kind: 'first', tier: 'standard', action: 'move', movedTo: other.agentId });
      expect(await removed).toMatchObject({ reason: 'reassigned' });
      expect(await movedTo).toMatchObject({ item: { conversation: { id: conversation.id } }, reason: 'reassigned' });

      // The breach: recorded once though every 50 ms sweep sees it. Polled: it comes 5 s after the message.
      const breaches = async () =>
        (await server.app.inject({ method: 'GET', url: '/api/v1/breaches', headers: { cookie: sue.cookie } })).json().breaches as Breach[];
      const found = await eventually(breaches, (b) => b.some((x) => x.conversationId === conversation.id), 'the breach', 15_000);
      expect(found.filter((b) => b.conversationId === conversation.id)).toMatchObject([
        { kind: 'first', tier: 'standard', targetMs: 5000, agentId: other.agentId },
      ]);
      // More sweeps, still one. (Waits for sweeps that happened, not for time.)
      await server.app.services.router.sweep();
      await server.app.services.router.sweep();
      expect((await breaches()).filter((b) => b.conversationId === conversation.id)).toHaveLength(1);
      // A plain agent sees no breaches.
      const plain = await server.app.inject({ method: 'GET', url: '/api/v1/breaches', headers: { cookie: other.cookie } });
      expect(plain.json()).toEqual({ breaches: [] });
      // The new holder may answer now.
      ok(await agentCommand(other.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Here!' }));
    });
  });
}
