import { randomUUID } from 'node:crypto';
import type { VisitorMessage } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/** Issue 13, closing the loop: a question the bot could not answer leaves the list once an article answers it. */
describe('an unanswered question becomes an article', () => {
  let server: TestServer;
  let admin: string;
  const site = () => server.site.id;
  const unanswered = async () => (await server.app.inject({ url: `/api/v1/sites/${site()}/bot/unanswered`, headers: { cookie: admin } })).json().questions;

  beforeAll(async () => {
    server = await startTestServer();
    admin = (await server.agent({ role: 'admin', online: false })).cookie;
    const saved = await server.app.inject({ method: 'PUT', url: `/api/v1/sites/${site()}/bot`, headers: { cookie: admin }, payload: { mode: 'no-agent', threshold: 1 } });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(() => server?.close());

  async function ask(text: string) {
    const { socket } = await server.visitor();
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    const answer = next<{ message: VisitorMessage }>(socket as never, 'message:created', (e) => e.message.author === 'bot');
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text }));
    return (await answer).message;
  }

  it('previews a body through the article parser (links checked), for editors only', async () => {
    const preview = await server.app.inject({ method: 'POST', url: `/api/v1/sites/${site()}/articles/preview`, headers: { cookie: admin }, payload: { body: 'Tick **gift wrap**: [help](javascript:void)\n\n- one\n- two' } });
    expect(preview.json().blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Tick ' }, { type: 'bold', text: 'gift wrap' }, { type: 'text', text: ': help' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
    ]);
    const { cookie } = await server.agent({ online: false });
    expect((await server.app.inject({ method: 'POST', url: `/api/v1/sites/${site()}/articles/preview`, headers: { cookie }, payload: { body: 'x' } })).statusCode).toBe(403);
  });

  it('lists the question with its count; saving an article with it as an alternative question removes it, and the bot then answers', async () => {
    await ask('Do you sell gift wrapping?');
    await ask('do you sell  gift wrapping?'.replace('  ', ' '));
    await ask('Do you ship to Iceland?');
    expect(await unanswered()).toEqual([
      expect.objectContaining({ text: 'Do you sell gift wrapping?', count: 2 }),
      expect.objectContaining({ text: 'Do you ship to Iceland?', count: 1 }),
    ]);

    const created = await server.app.inject({
      method: 'POST',
      url: `/api/v1/sites/${site()}/articles`,
      headers: { cookie: admin },
      payload: { title: 'Gift wrapping', body: 'Yes: tick **gift wrap** at checkout.', locale: 'en', tags: [], questions: ['Do you sell gift wrapping?'] },
    });
    expect(created.statusCode).toBe(201);
    expect((await unanswered()).map((q: { text: string }) => q.text)).toEqual(['Do you ship to Iceland?']);
    expect((await ask('Do you sell gift wrapping?')).text).toContain('Gift wrapping');

    const summary = (await server.app.inject({ url: `/api/v1/sites/${site()}/bot/summary`, headers: { cookie: admin } })).json().summary;
    // Only the conversation the bot answered with an article counts as resolved (assumed).
    expect(summary).toMatchObject({ botConversations: 4, resolvedByBot: 1, cameBackWithin72h: 0 });
  });
});
