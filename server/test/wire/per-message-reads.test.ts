import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { InboxItem, Message } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { createStore, type Store } from '../../src/store/store.js';
import { next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/**
 * Issue 9 item 6: the store reads a shopper's message costs. A shopper writing to an agent
 * should cost one conversation read (is it theirs, is it open) and no visitor read (the
 * node's visitor cache answers), and a visitor write must still reach the next message.
 */
/** Every statement the embedded store runs (main thread and writer), to count the reads. */
const statements: string[] = [];
// `SELECT doc`: a find on the main thread (the writer's read-modify-writes select `id, doc`).
const reads = (table: string) => statements.filter((sql) => new RegExp(`^SELECT doc FROM "?${table}"? WHERE`).test(sql));

describe('store reads per shopper message', () => {
  let server: TestServer;
  let base: Store;

  beforeAll(async () => {
    base = await createStore(await openEmbedded(await mkdtemp(path.join(tmpdir(), 'counter-reads-')), { onStatement: (sql) => void statements.push(sql) }));
    server = await startTestServer({ store: base, config: { visitorEventsPerSecond: 1000, sweepIntervalMs: 3_600_000 } });
  });
  afterAll(async () => {
    await server.close();
    await base.close();
  });

  it('a message to an agent reads the conversation once and the visitor not at all; a name written from another tab shows at once', async () => {
    const agent = await server.agent({ name: 'Ann' });
    const tab = await server.visitor();
    const { conversation } = ok(await visitorCommand(tab.socket, 'conversation:start', {}));
    const assigned = next<{ item: InboxItem }>(agent.socket as never, 'conversation:assigned', (e) => e.item.conversation.id === conversation.id);
    ok(await visitorCommand(tab.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hi' }));
    await assigned;

    const send = async (text: string) => {
      // The agent's conversation:updated is the last thing a message causes (after its count).
      const delivered = next<{ message: Message }>(agent.socket as never, 'message:created', (e) => e.message.text === text);
      const counted = next<{ conversation: { lastSeq: number } }>(agent.socket as never, 'conversation:updated', () => true);
      ok(await visitorCommand(tab.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text }));
      await counted;
      return (await delivered).message;
    };
    await send('warm-up');
    statements.length = 0;
    for (const text of ['one', 'two', 'three']) await send(text);
    // The last send's bot check (if it read anything) ran before its conversation:updated.
    expect(reads('visitors')).toEqual([]);
    expect(reads('conversations')).toHaveLength(3);

    // Another tab of the same shopper gives a name: the next message carries it.
    const other = await server.visitor({ token: tab.token });
    ok(await visitorCommand(other.socket, 'conversation:leave-message', { clientId: randomUUID(), email: 'zoe@example.com', name: 'Zoe', text: 'Call me' }));
    expect((await send('after the name')).authorName).toBe('Zoe');
  });
});
