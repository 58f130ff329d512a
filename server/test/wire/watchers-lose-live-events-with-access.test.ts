import { randomUUID } from 'node:crypto';
import type { Message } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/** Issue 10, item 2: whoever loses access to a conversation stops receiving its events. */
describe('watchers lose live events when they lose access', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  /** A shopper waiting in the queue (nobody online to route to). */
  async function waiting() {
    const shop = await server.visitor();
    const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
    ok(await visitorCommand(shop.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Anyone?' }));
    return { shop, conversationId: conversation.id };
  }

  it('an agent who opened a waiting conversation stops receiving it once another agent takes it', async () => {
    const { conversationId } = await waiting();
    const bob = await server.agent({ name: 'Bob', online: false });
    const ann = await server.agent({ name: 'Ann', online: false });
    ok(await agentCommand(bob.socket, 'conversation:open', { conversationId }));

    const heard: Message[] = [];
    bob.socket.on('message:created', ({ message }) => heard.push(message));
    const removed = next<{ conversationId: string; reason: string }>(bob.socket as never, 'conversation:removed', (e) => e.conversationId === conversationId);
    ok(await agentCommand(ann.socket, 'conversation:take', { conversationId }));
    expect(await removed).toEqual({ conversationId, reason: 'access' });

    ok(await agentCommand(ann.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'secret note', internal: true }));
    ok(await agentCommand(ann.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Hello!' }));
    // Bob's own ack comes after anything already emitted to him on this node.
    ok(await agentCommand(bob.socket, 'queue:list', {}));
    expect(heard.filter((m) => m.conversationId === conversationId && m.author === 'agent')).toEqual([]);
    expect(await agentCommand(bob.socket, 'message:history', { conversationId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('a supervisor removed from the site stops receiving the conversations they watched', async () => {
    const { conversationId } = await waiting();
    const ann = await server.agent({ name: 'Ann', online: false });
    ok(await agentCommand(ann.socket, 'conversation:take', { conversationId }));
    const sue = await server.agent({ name: 'Sue', role: 'supervisor', online: false });
    ok(await agentCommand(sue.socket, 'conversation:open', { conversationId }));

    const heard: Message[] = [];
    sue.socket.on('message:created', ({ message }) => heard.push(message));
    const removed = next(sue.socket as never, 'conversation:removed', (e: { conversationId: string }) => e.conversationId === conversationId);
    const owner = await server.login(server.adminEmail, server.adminPassword);
    const res = await server.app.inject({ method: 'PATCH', url: `/api/v1/agents/${sue.agentId}`, headers: { cookie: owner }, payload: { siteIds: [] } });
    expect(res.statusCode).toBe(200);
    await removed;

    ok(await agentCommand(ann.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'after the change', internal: true }));
    ok(await agentCommand(sue.socket, 'queue:list', {}));
    expect(heard.filter((m) => m.conversationId === conversationId)).toEqual([]);
  });
});
