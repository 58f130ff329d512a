import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/** Issue 10, item 1: reopening is for the agent who held it and the site's supervisors. */
describe('reopening a resolved conversation needs ownership', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  // Each test routes its own shopper to its own agent: nobody from an earlier test stays online.
  const staff: Awaited<ReturnType<TestServer['agent']>>[] = [];
  const hire = async (options: Parameters<TestServer['agent']>[0]) => {
    const agent = await server.agent(options);
    staff.push(agent);
    return agent;
  };
  afterEach(async () => {
    for (const { socket } of staff.splice(0)) ok(await agentCommand(socket, 'agent:status', { status: 'away' }));
  });

  async function resolvedWithNote() {
    const ann = await hire({ name: 'Ann' });
    const shop = await server.visitor();
    const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
    const assigned = next(ann.socket as never, 'conversation:assigned');
    ok(await visitorCommand(shop.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hi' }));
    await assigned;
    ok(await agentCommand(ann.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'VIP refund approved', internal: true }));
    ok(await agentCommand(ann.socket, 'conversation:resolve', { conversationId: conversation.id }));
    // Ann goes away, so that nothing else is routed to her.
    ok(await agentCommand(ann.socket, 'agent:status', { status: 'away' }));
    return { ann, conversationId: conversation.id };
  }

  it("a plain agent cannot reopen another agent's conversation nor read its notes", async () => {
    const { conversationId } = await resolvedWithNote();
    const bob = await hire({ name: 'Bob' });

    const reopen = await agentCommand(bob.socket, 'conversation:reopen', { conversationId });
    expect(reopen.ok).toBe(false);
    if (!reopen.ok) expect(['forbidden', 'not_found']).toContain(reopen.error.code);

    const history = await agentCommand(bob.socket, 'message:history', { conversationId });
    expect(history).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const open = await agentCommand(bob.socket, 'conversation:open', { conversationId });
    expect(open).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const stored = await server.app.store.conversations.byId(conversationId as never);
    expect(stored).toMatchObject({ status: 'resolved' });
  });

  it('the agent who held it and a supervisor of the site may reopen it', async () => {
    const { ann, conversationId } = await resolvedWithNote();
    ok(await agentCommand(ann.socket, 'agent:status', { status: 'online' }));
    expect(ok(await agentCommand(ann.socket, 'conversation:reopen', { conversationId })).conversation.agentId).toBe(ann.agentId);
    ok(await agentCommand(ann.socket, 'conversation:resolve', { conversationId }));

    const sue = await hire({ name: 'Sue', role: 'supervisor' });
    const reopened = ok(await agentCommand(sue.socket, 'conversation:reopen', { conversationId })).conversation;
    expect(reopened.status).not.toBe('resolved');
  });

  it('staff of another site get not-found', async () => {
    const { conversationId } = await resolvedWithNote();
    const other = await server.app.services.sites.create({ name: 'Other', allowedOrigins: [], greeting: {}, businessHours: null, defaultLocale: 'en' });
    const outsider = await hire({ name: 'Olga', role: 'admin', siteIds: [other.id] });
    expect(await agentCommand(outsider.socket, 'conversation:reopen', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
