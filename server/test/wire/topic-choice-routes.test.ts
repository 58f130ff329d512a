/**
 * Issue 14 item 2 at the wire, on both stores: what a conversation needs. The shopper picks a
 * topic when the chat opens (`conversation:topic`) and lands with that topic's team; a topic
 * the site does not have is refused with nothing stored; an agent's change of topic routes a
 * waiting conversation again and the history says so; a cart worth more than a rule's minimum
 * goes to that rule's team.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Ack, ConversationId, RoutingSettings, VisitorConversation } from '@counter/shared';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { next, ok, startTestServer, visitorCommand, type TestServer, type VisitorSocket } from '../support/test-server.js';

const wire = await startMongoWire();
const storeConfig = (label: string): Partial<Config> | null => {
  if (label === 'embedded') return {};
  if ('skipped' in wire) return null;
  const url = new URL(wire.server.url);
  url.pathname = `/topics_wire_${randomBytes(5).toString('hex')}`;
  return { mongodbUrl: url.toString() };
};
afterAll(async () => {
  if (!('skipped' in wire)) await wire.server.dispose();
});

type Assigned = { item: { conversation: { id: string; topic?: string | null } } };
/** `conversation:topic` sits beside the chat's commands (TopicVisitorClientToServerEvents). */
const chooseTopic = (socket: VisitorSocket, topic: string) =>
  (socket as unknown as { timeout: (ms: number) => { emitWithAck: (e: string, p: object) => Promise<Ack<{ conversation: VisitorConversation }>> } })
    .timeout(10_000)
    .emitWithAck('conversation:topic', { topic, locale: 'en' });

const TOPICS = ['Pre-sales', 'After-sales'];

describe.each(['embedded', 'mongodb'])('the shopper\'s topic and value route the conversation (%s)', (label) => {
  const skip = storeConfig(label) === null;
  let server: TestServer;
  afterEach(() => server?.close());

  /** Pre-sales and After-sales teams, one agent each; a long wait so nothing widens during a test. */
  async function start(extra: Partial<RoutingSettings> = {}, { piaOnline = true } = {}) {
    server = await startTestServer({ config: storeConfig(label)! });
    const agents = [await server.agent({ name: 'Pia', online: piaOnline }), await server.agent({ name: 'Abe' })];
    const [pre, after] = agents;
    const admin = await server.login(server.adminEmail, server.adminPassword);
    const body: Partial<RoutingSettings> = {
      topics: TOPICS,
      teams: [
        { id: 'pre-sales', name: 'Pre-sales', members: [pre!.agentId as never], capacity: null },
        { id: 'after-sales', name: 'After-sales', members: [after!.agentId as never], capacity: null },
      ],
      rules: [
        ...(extra.rules ?? []),
        { topic: 'After-sales', language: null, tier: null, teamId: 'after-sales', skills: [], waitSeconds: 3600 },
        { topic: null, language: null, tier: null, teamId: 'pre-sales', skills: [], waitSeconds: 3600 },
      ],
    };
    const res = await server.app.inject({ method: 'PUT', url: `/api/v1/sites/${server.site.id}/routing`, headers: { cookie: admin }, payload: { ...extra, ...body } });
    expect(res.statusCode, res.body).toBe(200);
    return { pre: pre!, after: after!, admin };
  }

  const say = (socket: VisitorSocket, conversationId: string) =>
    visitorCommand(socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Hello?' });

  it.skipIf(skip)('offers the topics, and a shopper who picks "After-sales" lands with the after-sales team', async () => {
    const { after } = await start();
    const shopper = await server.visitor();
    expect(shopper.session.config.topics).toEqual(TOPICS);
    const { conversation } = ok(await chooseTopic(shopper.socket, 'After-sales'));
    expect(conversation.topic).toBe('After-sales');
    const assigned = next<Assigned>(after.socket as never, 'conversation:assigned');
    ok(await say(shopper.socket, conversation.id));
    expect((await assigned).item.conversation).toMatchObject({ id: conversation.id, topic: 'After-sales' });
    // A reload finds the choice on the conversation (the widget does not offer the topics again).
    const again = await server.visitor({ token: shopper.token });
    const { conversation: reloaded } = ok(await visitorCommand(again.socket, 'conversation:start', {}));
    expect(reloaded.topic).toBe('After-sales');
  });

  it.skipIf(skip)('refuses a topic that is not on the site\'s list, with nothing stored', async () => {
    await start();
    const shopper = await server.visitor();
    const refused = await chooseTopic(shopper.socket, 'Free pizza');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('validation_failed');
    expect(ok(await visitorCommand(shopper.socket, 'conversation:list', {})).conversations).toEqual([]);
  });

  it.skipIf(skip)('routes a waiting conversation again when an agent changes its topic, and notes it', async () => {
    // Pia (pre-sales) is away: a Pre-sales conversation waits for her team, though Abe is free.
    const { after, admin } = await start({}, { piaOnline: false });
    const shopper = await server.visitor();
    const { conversation } = ok(await chooseTopic(shopper.socket, 'Pre-sales'));
    const queued = next(shopper.socket as never, 'queue:position');
    ok(await say(shopper.socket, conversation.id));
    await queued;
    expect((await server.app.store.conversations.byId(conversation.id as ConversationId))?.status).toBe('waiting');

    const assigned = next<Assigned>(after.socket as never, 'conversation:assigned');
    const res = await server.app.inject({
      method: 'PUT',
      url: `/api/v1/conversations/${conversation.id}/topic`,
      headers: { cookie: admin },
      payload: { topic: 'After-sales' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await assigned).item.conversation).toMatchObject({ id: conversation.id, topic: 'After-sales' });
    const { messages } = await server.app.store.messages.after(conversation.id as ConversationId, 0, 100, true);
    expect(messages.filter((m) => m.kind === 'note').map((m) => m.text)).toContain('Topic changed from "Pre-sales" to "After-sales".');
  });

  it.skipIf(skip)('sends a cart worth more than a rule\'s minimum to that rule\'s team, and a small one by the other rules', async () => {
    const big = { topic: null, language: null, tier: null, teamId: 'after-sales', skills: [], waitSeconds: 3600, minValue: 500 };
    const { pre, after } = await start({ rules: [big] });
    const shop = async (total: number | null, price: number) => {
      const shopper = await server.visitor();
      // Priced lines without a total are summed: 2 x price.
      const cart = { items: [{ title: 'Kettle', quantity: 2, price }], ...(total === null ? {} : { total }) };
      ok(await visitorCommand(shopper.socket, 'visitor:context', { cart }));
      const { conversation } = ok(await visitorCommand(shopper.socket, 'conversation:start', {}));
      return { shopper, id: conversation.id };
    };
    const toAbe = next<Assigned>(after.socket as never, 'conversation:assigned');
    const rich = await shop(null, 300);
    ok(await say(rich.shopper.socket, rich.id));
    expect((await toAbe).item.conversation.id).toBe(rich.id);
    const toPia = next<Assigned>(pre.socket as never, 'conversation:assigned');
    const small = await shop(40, 20);
    ok(await say(small.shopper.socket, small.id));
    expect((await toPia).item.conversation.id).toBe(small.id);
  });

  it.skipIf(skip)('takes the topic from what the shopper told the bot when it hands off, before routing', async () => {
    const { after, admin } = await start({ topicKeywords: [{ topic: 'After-sales', keywords: ['refund', '退货'] }] });
    const bot = await server.app.inject({ method: 'PUT', url: `/api/v1/sites/${server.site.id}/bot`, headers: { cookie: admin }, payload: { mode: 'always', threshold: 1 } });
    expect(bot.statusCode, bot.body).toBe(200);
    const shopper = await server.visitor();
    const { conversation } = ok(await visitorCommand(shopper.socket, 'conversation:start', {}));
    const answered = next(shopper.socket as never, 'message:created', (e: { message: { author: string } }) => e.message.author === 'bot');
    ok(await visitorCommand(shopper.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'I want a refund for my kettle' }));
    await answered;
    const assigned = next<Assigned>(after.socket as never, 'conversation:assigned');
    const handoff = await (shopper.socket as unknown as { timeout: (ms: number) => { emitWithAck: (e: string, p: object) => Promise<Ack<null>> } })
      .timeout(10_000)
      .emitWithAck('bot:handoff', { conversationId: conversation.id });
    expect(handoff.ok).toBe(true);
    expect((await assigned).item.conversation).toMatchObject({ id: conversation.id, topic: 'After-sales' });
  });
});
