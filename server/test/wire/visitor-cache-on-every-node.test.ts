import { randomUUID } from 'node:crypto';
import type { Message } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharedStore } from '../support/shared-store-nodes.js';
import { next, ok, visitorCommand, type TestServer } from '../support/test-server.js';

const shared = await startSharedStore('visitor-cache');

/**
 * Each node caches visitor documents (store/visitor-cache.ts). A visitor written on node B
 * must not be served old on node A: B's write travels to A through the adapter.
 */
describe.skipIf(shared.skipped !== null)('visitor cache on two nodes', () => {
  let nodeA: TestServer;
  let nodeB: TestServer;

  beforeAll(async () => {
    if (shared.skipped) return;
    nodeA = await shared.node({ visitorEventsPerSecond: 1000 });
    nodeB = await shared.node({ visitorEventsPerSecond: 1000 });
  });
  afterAll(() => shared.close());

  it('a name given in a tab on node B is on the next message sent from node A', async () => {
    const agent = await nodeA.agent({ name: 'Ann' });
    const tabA = await nodeA.visitor();
    const { conversation } = ok(await visitorCommand(tabA.socket, 'conversation:start', {}));
    const send = async (text: string) => {
      const delivered = next<{ message: Message }>(agent.socket as never, 'message:created', (e) => e.message.text === text);
      ok(await visitorCommand(tabA.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text }));
      return (await delivered).message;
    };
    const assigned = next(agent.socket as never, 'conversation:assigned', () => true);
    ok(await visitorCommand(tabA.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'hello' }));
    await assigned;
    // Node A now holds the visitor (no name) in its cache.
    expect((await send('first')).authorName).toBe(null);

    const tabB = await nodeB.visitor({ token: tabA.token });
    ok(await visitorCommand(tabB.socket, 'conversation:leave-message', { clientId: randomUUID(), email: 'zoe@example.com', name: 'Zoe', text: 'Call me' }));
    // The forget travels over Redis: wait for it by sending until the name shows (bounded).
    const deadline = Date.now() + 10_000;
    let author: string | null = null;
    while (author !== 'Zoe' && Date.now() < deadline) author = (await send(`again ${randomUUID()}`)).authorName;
    expect(author).toBe('Zoe');
  });
});
