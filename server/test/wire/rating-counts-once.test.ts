import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/** Issue 10, item 13: a resolved conversation is rated once, with one "rated" event. */
describe('a rating counts once', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('of ten ratings sent at once, one is stored and one "rated" event is written', async () => {
    const ann = await server.agent({ name: 'Ann' });
    const shop = await server.visitor();
    const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
    const conversationId = conversation.id;
    const assigned = next(ann.socket as never, 'conversation:assigned');
    ok(await visitorCommand(shop.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Thanks' }));
    await assigned;
    ok(await agentCommand(ann.socket, 'conversation:resolve', { conversationId }));

    const acks = await Promise.all(
      Array.from({ length: 10 }, (_, i) => visitorCommand(shop.socket, 'conversation:rate', { conversationId, score: (i % 5) + 1 })),
    );
    const accepted = acks.filter((a) => a.ok);
    expect(accepted).toHaveLength(1);
    for (const refused of acks.filter((a) => !a.ok)) expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const again = await visitorCommand(shop.socket, 'conversation:rate', { conversationId, score: 1, comment: 'changed my mind' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const { messages } = ok(await visitorCommand(shop.socket, 'message:history', { conversationId }));
    const rated = messages.filter((m) => m.event?.type === 'rated');
    expect(rated).toHaveLength(1);
    const stored = await server.app.store.conversations.byId(conversationId as never);
    expect(stored?.rating?.score).toBe((rated[0]!.event as { score: number }).score);
  });
});
