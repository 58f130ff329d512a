import { randomUUID } from 'node:crypto';
import type { ArticleCandidate } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer, type AgentSocket } from '../support/test-server.js';

/**
 * Issue 13, closing the loop: resolved human conversations are mined for questions and the
 * agents' answers, grouped across shoppers, waiting for an admin; nothing is published.
 */
describe('mining resolved conversations for article candidates', () => {
  let server: TestServer;
  let admin: string;
  let agent: AgentSocket;
  const site = () => server.site.id;
  const url = () => `/api/v1/sites/${site()}/bot/candidates`;

  beforeAll(async () => {
    server = await startTestServer();
    admin = (await server.agent({ role: 'admin', online: false })).cookie;
    agent = (await server.agent({ name: 'Mei', capacity: 5 })).socket;
  });
  afterAll(() => server?.close());

  /** A shopper asks, the agent answers and resolves. */
  async function served(question: string, answer: string) {
    const { socket } = await server.visitor();
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    const assigned = next<{ item: { conversation: { id: string } } }>(agent as never, 'conversation:assigned', (e) => e.item.conversation.id === conversation.id);
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: question }));
    await assigned;
    ok(await agentCommand(agent, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: answer }));
    ok(await agentCommand(agent, 'conversation:resolve', { conversationId: conversation.id }));
  }

  it('groups the same question from several shoppers with the agent\'s answer; dismissing or answering it removes it', async () => {
    await served('Can I change the delivery address of my order?', 'Yes, until it ships: open the order and edit the address.');
    await served('can I change delivery address for my order', 'Sure, before shipping you can edit it in your order.');
    await served('怎么修改订单的收货地址', '发货前可以在订单详情里修改收货地址。');
    await served('hi', 'Hello!');

    const mined = await server.app.inject({ method: 'POST', url: `${url()}/mine`, headers: { cookie: admin } });
    expect(mined.statusCode).toBe(200);
    const candidates = mined.json().candidates as ArticleCandidate[];
    expect(candidates).toHaveLength(2);
    expect(candidates[0]).toMatchObject({ count: 2, question: 'can I change delivery address for my order', alternatives: ['Can I change the delivery address of my order?'] });
    expect(candidates[0]!.answer).toBe('Sure, before shipping you can edit it in your order.');
    expect(candidates[1]).toMatchObject({ count: 1, question: '怎么修改订单的收货地址', answer: '发货前可以在订单详情里修改收货地址。' });
    // Nothing was published.
    expect((await server.app.inject({ url: `/api/v1/sites/${site()}/articles`, headers: { cookie: admin } })).json().articles).toEqual([]);

    // Dismissed: gone, and a new run does not bring it back.
    expect((await server.app.inject({ method: 'DELETE', url: `${url()}/${encodeURIComponent(candidates[1]!.id)}`, headers: { cookie: admin } })).statusCode).toBe(204);
    // Made into an article: gone too.
    const created = await server.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site()}/articles`,
      headers: { cookie: admin },
      payload: { title: 'Changing the delivery address', body: candidates[0]!.answer, locale: 'en', questions: [candidates[0]!.question, ...candidates[0]!.alternatives] },
    });
    expect(created.statusCode).toBe(201);
    expect((await server.app.inject({ url: url(), headers: { cookie: admin } })).json().candidates).toEqual([]);
    const again = await server.app.inject({ method: 'POST', url: `${url()}/mine`, headers: { cookie: admin } });
    expect(again.json().candidates).toEqual([]);
  });

  it('is for the site\'s supervisors and admins only', async () => {
    const { cookie } = await server.agent({ online: false });
    expect((await server.app.inject({ url: url(), headers: { cookie } })).statusCode).toBe(403);
    expect((await server.app.inject({ method: 'POST', url: `${url()}/mine`, headers: { cookie } })).statusCode).toBe(403);
  });
});
