/**
 * Team-aware escalation at the wire (issue 14), on both stores: a VIP's conversation that its
 * VIP-desk agent leaves unanswered is moved, before its target, to the other member of the
 * desk, though an agent outside the team has less to do. The server's own sweeper drives it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ResponseTargets } from '@counter/shared';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { signIdentity } from '../support/identity-signing.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer, type VisitorSocket } from '../support/test-server.js';

const wire = await startMongoWire();
const storeConfig = (label: string): Partial<Config> | null => {
  if (label === 'embedded') return {};
  if ('skipped' in wire) return null;
  const url = new URL(wire.server.url);
  url.pathname = `/escalation_wire_${randomBytes(5).toString('hex')}`;
  return { mongodbUrl: url.toString() };
};
afterAll(async () => {
  if (!('skipped' in wire)) await wire.server.dispose();
});

// 5 s targets escalating at 10 %: half a second after the shopper's message.
const FAST: ResponseTargets = {
  vip: { firstSeconds: 5, nextSeconds: 5, asyncSeconds: 3600 },
  standard: { firstSeconds: 5, nextSeconds: 5, asyncSeconds: 3600 },
  escalation: { action: 'move', atPercent: 10 },
};

type Assigned = { item: { conversation: { id: string } }; reason?: string };

describe.each(['embedded', 'mongodb'])('escalation stays in the team (%s)', (label) => {
  const skip = storeConfig(label) === null;
  let server: TestServer;
  afterEach(() => server?.close());

  async function ask(socket: VisitorSocket) {
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hello?' }));
    return conversation.id;
  }

  it.skipIf(skip)('moves an unanswered VIP to the free member of the VIP desk, not the less-loaded outsider', async () => {
    server = await startTestServer({ config: { ...storeConfig(label)!, sweepIntervalMs: 50 } });
    const admin = await server.login(server.adminEmail, server.adminPassword);
    // Mate of the desk holds one answered conversation (nothing owed on it).
    const mate = await server.agent({ name: 'Mate' });
    const toMate = next<Assigned>(mate.socket as never, 'conversation:assigned');
    const answered = await ask((await server.visitor()).socket);
    expect((await toMate).item.conversation.id).toBe(answered);
    ok(await agentCommand(mate.socket, 'message:send', { conversationId: answered, clientId: randomUUID(), text: 'Hi!' }));

    const holder = await server.agent({ name: 'Holder' });
    await server.agent({ name: 'Outsider' });
    const put = (what: string, payload: object) =>
      server.app.inject({ method: 'PUT', url: `/api/v1/sites/${server.site.id}/${what}`, headers: { cookie: admin }, payload });
    const routing = await put('routing', {
      teams: [{ id: 'vip-desk', name: 'VIP desk', members: [holder.agentId, mate.agentId], capacity: null }],
      agents: [],
      topics: [],
      rules: [{ topic: null, language: null, tier: 'vip', teamId: 'vip-desk', skills: [], waitSeconds: 60 }],
      vipTeamId: 'vip-desk',
      lastAgentDays: 3,
    });
    expect(routing.statusCode, routing.body).toBe(200);
    expect((await put('targets', { targets: FAST })).statusCode).toBe(200);

    const vip = await server.visitor();
    ok(await visitorCommand(vip.socket, 'visitor:identify', { id: 'vip-1', tier: 'vip', signature: signIdentity(server.site.identitySecret, 'vip-1', 'vip') }));
    const toHolder = next<Assigned>(holder.socket as never, 'conversation:assigned');
    const movedToMate = next<Assigned>(mate.socket as never, 'conversation:assigned');
    const vipId = await ask(vip.socket);
    expect((await toHolder).item.conversation.id).toBe(vipId);
    // Holder does not answer: half a second later the sweep moves it within the desk.
    expect(await movedToMate).toMatchObject({ item: { conversation: { id: vipId } }, reason: 'reassigned' });
    expect((await server.app.store.conversations.byId(vipId as never))?.agentId).toBe(mate.agentId);
  });
});
