import { randomUUID } from 'node:crypto';
import type { VisitorMessage } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/**
 * Issue 13, bot mode `always`: the bot answers first even while agents are free; the
 * conversation stays out of their queue until the shopper asks for a person.
 */
describe('bot mode "always"', () => {
  let server: TestServer;
  const site = () => server.site.id;

  beforeAll(async () => {
    server = await startTestServer();
    const { cookie } = await server.agent({ role: 'admin', online: false });
    const text = ['# When will I get my refund?', 'questions: refund not received', '', 'Refunds reach your card in 5–10 working days.'].join('\n');
    const imported = await server.app.inject({ method: 'POST', url: `/api/v1/sites/${site()}/articles/import`, headers: { cookie }, payload: { format: 'markdown', text } });
    expect(imported.statusCode).toBe(200);
    const saved = await server.app.inject({ method: 'PUT', url: `/api/v1/sites/${site()}/bot`, headers: { cookie }, payload: { mode: 'always', threshold: 1 } });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(() => server?.close());

  it('answers while an agent is free, keeps the conversation out of the queue, and queues it at the handoff', async () => {
    const { socket: agent } = await server.agent({ name: 'Free agent', capacity: 3 });
    const { socket } = await server.visitor();
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    const answer = next<{ message: VisitorMessage }>(socket as never, 'message:created', (e) => e.message.author === 'bot');
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'refund not received' }));
    expect((await answer).message.text).toContain('When will I get my refund?');

    // Held: neither assigned nor waiting in the queue, though an agent has room.
    const held = await server.app.store.conversations.byId(conversation.id);
    // Not yet a request for a person either: response times start at the handoff.
    expect(held).toMatchObject({ agentId: null, queuedAt: null, requestedAt: null, status: 'waiting' });
    const { queue } = ok(await agentCommand(agent, 'queue:list', {}));
    expect(queue.map((item) => item.conversationId)).not.toContain(conversation.id);

    // A second question stays with the bot too.
    const again = next<{ message: VisitorMessage }>(socket as never, 'message:created', (e) => e.message.author === 'bot');
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'and when exactly?' }));
    await again;
    expect(await server.app.store.conversations.byId(conversation.id)).toMatchObject({ agentId: null, queuedAt: null });

    const assigned = next<{ item: { conversation: { id: string } } }>(agent as never, 'conversation:assigned', (e) => e.item.conversation.id === conversation.id);
    // bot:* are not in the typed visitor map (they live in the kb chunk's own schemas).
    const handoff = await new Promise<{ ok: boolean }>((resolve) => (socket as unknown as { emit: (...a: unknown[]) => void }).emit('bot:handoff', { conversationId: conversation.id }, resolve));
    expect(handoff.ok).toBe(true);
    await assigned;
    const record = await server.app.store.bot.record(conversation.id);
    expect((await server.app.store.conversations.byId(conversation.id))?.requestedAt).toBe(record!.handoffAt);
  });
});
