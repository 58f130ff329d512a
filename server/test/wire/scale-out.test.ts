import { randomUUID } from 'node:crypto';
import type { Message } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharedStore } from '../support/shared-store-nodes.js';
import { agentCommand, next, ok, visitorCommand, type TestServer } from '../support/test-server.js';

const shared = await startSharedStore('scale-out');

describe.skipIf(shared.skipped !== null)('two nodes behind a load balancer: shared MongoDB, Redis fan-out', () => {
  let nodeA: TestServer;
  let nodeB: TestServer;

  beforeAll(async () => {
    nodeA = await shared.node();
    nodeB = await shared.node();
  });
  afterAll(() => shared.close());

  it('routes a shopper on node A to an agent on node B, and the reply comes back', async () => {
    const agent = await nodeB.agent({ name: 'Bea' });
    const shopper = await nodeA.visitor();
    const { conversation } = ok(await visitorCommand(shopper.socket, 'conversation:start', {}));

    const assigned = next<{ item: { conversation: { id: string } } }>(agent.socket as never, 'conversation:assigned');
    ok(await visitorCommand(shopper.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hi from A' }));
    expect((await assigned).item.conversation.id).toBe(conversation.id);
    // The first message predates the assignment: the console reads it from history.
    const opened = ok(await agentCommand(agent.socket, 'conversation:open', { conversationId: conversation.id }));
    expect(opened.conversation.agentName).toBe('Bea');
    const history = ok(await agentCommand(agent.socket, 'message:history', { conversationId: conversation.id }));
    expect(history.messages.filter((m) => m.author === 'visitor').map((m) => m.text)).toEqual(['Hi from A']);
    // Later messages from node A arrive live on node B.
    const live = next<{ message: Message }>(agent.socket as never, 'message:created', (e) => e.message.author === 'visitor');
    ok(await visitorCommand(shopper.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Still there?' }));
    expect((await live).message.text).toBe('Still there?');

    const reply = next<{ message: Message }>(shopper.socket as never, 'message:created', (e) => e.message.author === 'agent');
    ok(await agentCommand(agent.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hello from B' }));
    expect((await reply).message).toMatchObject({ text: 'Hello from B', authorName: 'Bea' });
  });

  it('revoking a session on one node closes its sockets on the other', async () => {
    const agent = await nodeB.agent({ online: false });
    const closed = new Promise((resolve) => agent.socket.on('disconnect', resolve));
    const res = await nodeA.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: agent.cookie } });
    expect(res.statusCode).toBe(204);
    await closed;
  });

  it('a console on node B that loses access on node A stops following the conversation (issue 10, item 2)', async () => {
    const shopper = await nodeA.visitor();
    const { conversation } = ok(await visitorCommand(shopper.socket, 'conversation:start', {}));
    const conversationId = conversation.id;
    const sue = await nodeB.agent({ name: 'Sue', role: 'supervisor', online: false });
    ok(await visitorCommand(shopper.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Hello?' }));
    ok(await agentCommand(sue.socket, 'conversation:open', { conversationId }));

    const removed = next(sue.socket as never, 'conversation:removed', (e: { conversationId: string }) => e.conversationId === conversationId);
    const owner = await nodeA.login(nodeA.adminEmail, nodeA.adminPassword);
    const res = await nodeA.app.inject({ method: 'PATCH', url: `/api/v1/agents/${sue.agentId}`, headers: { cookie: owner }, payload: { siteIds: [] } });
    expect(res.statusCode).toBe(200);
    expect(await removed).toEqual({ conversationId, reason: 'access' });
  });

  it('shop logout on node A closes the same token’s socket on node B (issue 10, item 4)', async () => {
    const onA = await nodeA.visitor();
    const onB = await nodeB.visitor({ token: onA.token });
    const closed = new Promise<string>((resolve) => onB.socket.on('disconnect', (reason) => resolve(reason)));
    const res = await nodeA.app.inject({
      method: 'DELETE',
      url: `/api/v1/visitor/sessions?siteId=${nodeA.site.id}`,
      headers: { authorization: `Bearer ${onA.token}` },
    });
    expect(res.statusCode).toBe(204);
    expect(await closed).toBe('io server disconnect');
  });
});
