import { randomUUID } from 'node:crypto';
import type { ConversationId } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, startTestServer, visitorCommand, type TestServer, type VisitorSocket } from '../support/test-server.js';

describe('delivery: sequence numbers, idempotent retries, history', () => {
  let server: TestServer;
  let socket: VisitorSocket;
  let conversationId: string;

  beforeAll(async () => {
    // Bursts of concurrent sends below: lift the per-socket rate limit for this file.
    server = await startTestServer({ config: { visitorEventsPerSecond: 1000 } });
    socket = (await server.visitor()).socket;
    conversationId = ok(await visitorCommand(socket, 'conversation:start', {})).conversation.id;
  });
  afterAll(() => server.close());

  const send = (text: string, clientId = randomUUID()) =>
    visitorCommand(socket, 'message:send', { conversationId, clientId, text });
  const stored = () => server.app.store.messages.after(conversationId as ConversationId, 0, 1000, true);

  it('stores the first message with sequence 1', async () => {
    const { message } = ok(await send('first'));
    expect(message.seq).toBe(1);
    const { messages } = await stored();
    expect(messages.map((m) => [m.seq, m.text])).toEqual([[1, 'first']]);
  });

  it('stores a retried send once and answers it with the same ack', async () => {
    const clientId = randomUUID();
    const first = await send('only once', clientId);
    const again = await send('only once', clientId);
    const concurrent = await Promise.all([send('only once', clientId), send('only once', clientId)]);
    expect(again).toEqual(first);
    for (const ack of concurrent) expect(ack).toEqual(first);
    const { messages } = await stored();
    expect(messages.filter((m) => m.clientId === clientId)).toHaveLength(1);
  });

  it('returns exactly the messages after a sequence number, in order', async () => {
    const before = (await stored()).messages.at(-1)!.seq;
    const texts = Array.from({ length: 12 }, (_, i) => `m${i}`);
    // Sent concurrently: the server still assigns distinct, increasing sequence numbers.
    await Promise.all(texts.map((t) => send(t)));
    const page = ok(await visitorCommand(socket, 'message:history', { conversationId, afterSeq: before, limit: 100 }));
    expect(page.messages.map((m) => m.seq)).toEqual(Array.from({ length: 12 }, (_, i) => before + 1 + i));
    expect(new Set(page.messages.map((m) => m.text))).toEqual(new Set(texts));
    expect(page.hasMore).toBe(false);

    const partial = ok(await visitorCommand(socket, 'message:history', { conversationId, afterSeq: before + 5, limit: 3 }));
    expect(partial.messages.map((m) => m.seq)).toEqual([before + 6, before + 7, before + 8]);
    expect(partial.hasMore).toBe(true);

    const latest = ok(await visitorCommand(socket, 'message:history', { conversationId, limit: 4 }));
    expect(latest.messages.map((m) => m.seq)).toEqual([before + 9, before + 10, before + 11, before + 12]);
    const older = ok(await visitorCommand(socket, 'message:history', { conversationId, beforeSeq: before + 9, limit: 2 }));
    expect(older.messages.map((m) => m.seq)).toEqual([before + 7, before + 8]);
  });
});
