/**
 * Issue 14 at the wire, on both stores: a site's routing settings saved over REST by its
 * admin, then real shoppers and consoles. A Chinese shopper reaches the agent who answers in
 * Chinese; a returning shopper their last agent; a VIP the VIP desk, and when the desk is
 * full, after the rule's wait (1 s here, driven by the server's own sweeper), the site, with
 * the widening written in the history before the assignment.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ConversationId, RoutingSettings } from '@counter/shared';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { signIdentity } from '../support/identity-signing.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer, type VisitorSocket } from '../support/test-server.js';

const wire = await startMongoWire();
const storeConfig = (label: string): Partial<Config> | null => {
  if (label === 'embedded') return {};
  if ('skipped' in wire) return null;
  // A database per server: each test starts with no agents and no settings.
  const url = new URL(wire.server.url);
  url.pathname = `/routing_wire_${randomBytes(5).toString('hex')}`;
  return { mongodbUrl: url.toString() };
};
afterAll(async () => {
  if (!('skipped' in wire)) await wire.server.dispose();
});

type Assigned = { item: { conversation: { id: string } } };

describe.each(['embedded', 'mongodb'])('routing to the right person (%s)', (label) => {
  const skip = storeConfig(label) === null;
  let server: TestServer;
  afterEach(() => server?.close());

  async function start(settings: Partial<RoutingSettings>, agents: { name: string; capacity?: number; languages?: string[] }[]) {
    const config = storeConfig(label)!;
    // The sweeper drives widening: a short interval so a 1 s wait shows within the test.
    server = await startTestServer({ config: { ...config, sweepIntervalMs: 100 } });
    const created = [];
    for (const a of agents) created.push({ ...(await server.agent({ name: a.name, capacity: a.capacity ?? 3 })), ...a });
    const byName = Object.fromEntries(created.map((a) => [a.name, a]));
    const admin = await server.login(server.adminEmail, server.adminPassword);
    const body = {
      ...settings,
      teams: (settings.teams ?? []).map((t) => ({ ...t, members: t.members.map((m) => byName[m]!.agentId) })),
      agents: created.map((a) => ({ agentId: a.agentId, skills: [], languages: a.languages ?? [] })),
    };
    const res = await server.app.inject({ method: 'PUT', url: `/api/v1/sites/${server.site.id}/routing`, headers: { cookie: admin }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return byName;
  }

  async function ask(socket: VisitorSocket, locale?: 'en' | 'zh') {
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', locale ? { locale } : {}));
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hello?' }));
    return conversation.id;
  }

  it.skipIf(skip)('gives Chinese shoppers to the agent who answers in Chinese', async () => {
    const { Emma, Li } = await start({}, [
      { name: 'Emma', languages: ['en'] },
      { name: 'Li', languages: ['zh'] },
    ]);
    for (let i = 0; i < 2; i++) {
      const toLi = next<Assigned>(Li!.socket as never, 'conversation:assigned');
      const id = await ask((await server.visitor()).socket, 'zh');
      expect((await toLi).item.conversation.id).toBe(id);
    }
    const toEmma = next<Assigned>(Emma!.socket as never, 'conversation:assigned');
    const id = await ask((await server.visitor()).socket, 'en');
    expect((await toEmma).item.conversation.id).toBe(id);
  });

  it.skipIf(skip)('gives a returning shopper the agent they talked to, though another is free', async () => {
    const { Ann } = await start({ lastAgentDays: 3 }, [{ name: 'Ann' }]);
    const returning = await server.visitor();
    const first = next<Assigned>(Ann!.socket as never, 'conversation:assigned');
    const firstId = await ask(returning.socket);
    await first;
    ok(await agentCommand(Ann!.socket, 'conversation:resolve', { conversationId: firstId }));
    // Ann is busy with two others when Bob comes online with nothing.
    for (let i = 0; i < 2; i++) {
      const more = next<Assigned>(Ann!.socket as never, 'conversation:assigned');
      await ask((await server.visitor()).socket);
      await more;
    }
    await server.agent({ name: 'Bob' });
    const again = await server.visitor({ token: returning.token });
    const back = next<Assigned>(Ann!.socket as never, 'conversation:assigned');
    const againId = await ask(again.socket);
    expect((await back).item.conversation.id).toBe(againId);
  });

  it.skipIf(skip)('sends a VIP to the VIP desk, and when it is full widens after the wait and says so', async () => {
    const { Desk, Other } = await start(
      {
        teams: [{ id: 'vip-desk', name: 'VIP desk', members: ['Desk'] as never, capacity: null }],
        rules: [{ topic: null, language: null, tier: 'vip', teamId: 'vip-desk', skills: [], waitSeconds: 1 }],
        vipTeamId: 'vip-desk',
      },
      [{ name: 'Desk', capacity: 1 }, { name: 'Other' }],
    );
    const vip = async (id: string) => {
      const shopper = await server.visitor();
      ok(await visitorCommand(shopper.socket, 'visitor:identify', { id, tier: 'vip', signature: signIdentity(server.site.identitySecret, id, 'vip') }));
      return shopper.socket;
    };
    const toDesk = next<Assigned>(Desk!.socket as never, 'conversation:assigned');
    const firstId = await ask(await vip('vip-1'));
    expect((await toDesk).item.conversation.id).toBe(firstId);

    const toOther = next<Assigned>(Other!.socket as never, 'conversation:assigned');
    const secondId = await ask(await vip('vip-2'));
    expect((await toOther).item.conversation.id).toBe(secondId);
    // Read as the assignment arrives: the history said it widened before anyone took it.
    const { messages } = await server.app.store.messages.after(secondId as ConversationId, 0, 100, true);
    expect(messages.filter((m) => m.kind === 'note').map((m) => m.text)).toEqual([
      expect.stringContaining('any agent of the team "VIP desk"'),
      expect.stringContaining('any agent of the site'),
    ]);
  });
});
