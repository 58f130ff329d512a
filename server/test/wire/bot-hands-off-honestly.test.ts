import { randomUUID } from 'node:crypto';
import type { Message, VisitorMessage } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer, type VisitorSocket } from '../support/test-server.js';

/** Issue 13, item 4 and 5: the bot answers at night, hands off with a note, and counts only confirmed resolutions. */
describe('the knowledge-base bot', () => {
  let server: TestServer;
  let supervisor: string;
  const site = () => server.site.id;

  beforeAll(async () => {
    server = await startTestServer();
    supervisor = (await server.agent({ role: 'admin', online: false })).cookie;
    const text = [
      '# 如何申请退货', 'locale: zh', 'questions: 怎么退货 | 七天无理由退货', '', '签收后 **7 天内** 可在我的订单中申请退货。',
      '# When will I get my refund?', 'questions: refund not received', '', 'Refunds reach your card in 5–10 working days.',
    ].join('\n');
    const imported = await server.app.inject({ method: 'POST', url: `/api/v1/sites/${site()}/articles/import`, headers: { cookie: supervisor }, payload: { format: 'markdown', text } });
    expect(imported.json()).toEqual({ imported: 2 });
    const saved = await server.app.inject({ method: 'PUT', url: `/api/v1/sites/${site()}/bot`, headers: { cookie: supervisor }, payload: { mode: 'no-agent', threshold: 1 } });
    expect(saved.statusCode).toBe(200);
    // Closed now: open only on a weekday three days away.
    const day = (new Date().getUTCDay() + 3) % 7;
    await server.app.store.sites.update(site(), { businessHours: { timezone: 'UTC', slots: [{ day, open: '09:00', close: '17:00' }] } });
  });
  afterAll(() => server?.close());

  async function ask(socket: VisitorSocket, text: string) {
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    const answer = next<{ message: VisitorMessage }>(socket as never, 'message:created', (e) => e.message.author === 'bot');
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text }));
    return { conversationId: conversation.id, answer: (await answer).message };
  }
  const send = <T>(socket: unknown, event: string, payload: object) =>
    new Promise<{ ok: boolean; data: T; error?: { code: string } }>((resolve) => (socket as { emit: (...a: unknown[]) => void }).emit(event, payload, resolve));
  const summary = async () => (await server.app.inject({ url: `/api/v1/sites/${site()}/bot/summary`, headers: { cookie: supervisor } })).json().summary;

  it('answers a Chinese question at night with the article; "yes" resolves the conversation and counts as confirmed', async () => {
    const { socket } = await server.visitor();
    const { conversationId, answer } = await ask(socket, '咋退货啊');
    expect(answer).toMatchObject({ author: 'bot', authorName: '智能助手', kind: 'text' });
    expect(answer.text).toContain('如何申请退货');
    expect(answer.text).toContain('这个回答解决你的问题了吗');
    const resolved = next<{ conversation: { id: string; status: string } }>(socket as never, 'conversation:updated', (e) => e.conversation.status === 'resolved');
    expect((await send(socket, 'bot:feedback', { conversationId, helped: true })).ok).toBe(true);
    expect((await resolved).conversation.id).toBe(conversationId);
    // A second click changes nothing.
    expect((await send(socket, 'bot:feedback', { conversationId, helped: false })).ok).toBe(true);
    expect(await summary()).toMatchObject({ botConversations: 1, confirmedResolved: 1, noReplyAssumed: 0, handedOff: 0 });
  });

  it('"talk to a person" queues the conversation with a note, says when the team is back, and times the first reply', async () => {
    const { socket } = await server.visitor();
    const { conversationId, answer } = await ask(socket, 'refund not recieved');
    expect(answer.text).toContain('When will I get my refund?');
    const later = next<{ message: VisitorMessage }>(socket as never, 'message:created', (e) => e.message.author === 'bot');
    expect((await send(socket, 'bot:handoff', { conversationId })).ok).toBe(true);
    expect((await later).message.text).toMatch(/^Our team is away now and will answer from \w{3} 09:00\./);
    expect(await summary()).toMatchObject({ botConversations: 2, confirmedResolved: 1, handedOff: 1, answeredAfterHandoff: 0 });

    // A person comes online, gets the conversation from the queue, sees the note and answers.
    const { socket: agent } = await server.agent({ name: 'Mei', online: false });
    const assigned = next<{ item: { conversation: { id: string } } }>(agent as never, 'conversation:assigned', (e) => e.item.conversation.id === conversationId);
    ok(await agentCommand(agent, 'agent:status', { status: 'online' }));
    await assigned;
    const { messages } = ok(await agentCommand(agent, 'message:history', { conversationId }));
    const note = messages.find((m: Message) => m.kind === 'note');
    expect(note).toMatchObject({ author: 'bot' });
    expect(note!.text).toContain('“refund not recieved”');
    expect(note!.text).toContain('When will I get my refund?');
    ok(await agentCommand(agent, 'message:send', { conversationId, clientId: randomUUID(), text: 'Hi, Mei here: let me check.' }));
    const deadline = Date.now() + 10_000;
    while ((await summary()).answeredAfterHandoff !== 1 && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    expect(await summary()).toMatchObject({ handedOff: 1, answeredAfterHandoff: 1 });
  });

  it('counts a question it cannot answer for the unanswered list, and a silent shopper is never counted as resolved', async () => {
    const { socket } = await server.visitor();
    const { answer } = await ask(socket, 'Do you sell gift wrapping?');
    expect(answer.text).toBe("I couldn't find an answer to that. Would you like to talk to a person?");
    const list = (await server.app.inject({ url: `/api/v1/sites/${site()}/bot/unanswered`, headers: { cookie: supervisor } })).json().questions;
    expect(list).toEqual([expect.objectContaining({ text: 'Do you sell gift wrapping?', count: 1 })]);
    const s = await summary();
    expect(s.confirmedResolved).toBe(1);
    expect(s.noReplyAssumed).toBeGreaterThanOrEqual(1);
  });
});
