import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';
import type { Config } from '../../src/config.js';

/**
 * Issue 10, item 8: 25 sockets of one shopper racing `conversation:start` produced two open
 * conversations, and one socket firing 50 at once up to 50. The store now refuses a second
 * open conversation (a unique key), on the embedded store and on a MongoDB-wire server.
 */
const wire = await startMongoWire();
const stores: [string, Partial<Config> | null][] = [
  ['embedded', {}],
  ['mongodb', 'skipped' in wire ? null : { mongodbUrl: wire.server.url }],
];
afterAll(async () => {
  if (!('skipped' in wire)) await wire.server.dispose();
});

describe.each(stores)('one open conversation per visitor (%s)', (_label, storeConfig) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!storeConfig) return;
    // Limits raised: this is about the store's rule, not the rate limit or the socket cap.
    server = await startTestServer({ config: { ...storeConfig, visitorSocketsPerToken: 25, visitorEventsPerSecond: 100 } });
  });
  afterAll(() => server?.close());

  it.skipIf(!storeConfig)('25 sockets racing conversation:start get one conversation, round after round', async () => {
    for (let round = 0; round < 3; round++) {
      const first = await server.visitor();
      const rest = await Promise.all(Array.from({ length: 24 }, () => server.visitor({ token: first.token })));
      const sockets = [first.socket, ...rest.map((r) => r.socket)];
      const acks = await Promise.all(sockets.map((s) => visitorCommand(s, 'conversation:start', {})));
      const ids = new Set(acks.map((a) => ok(a).conversation.id));
      expect(ids.size).toBe(1);
      const { conversations } = ok(await visitorCommand(first.socket, 'conversation:list', {}));
      expect(conversations.map((c) => c.id)).toEqual([...ids]);
      for (const s of sockets) s.disconnect();
    }
  });

  it.skipIf(!storeConfig)('one socket firing 50 starts at once gets one conversation', async () => {
    const { socket } = await server.visitor();
    const acks = await Promise.all(Array.from({ length: 50 }, () => visitorCommand(socket, 'conversation:start', {})));
    expect(new Set(acks.map((a) => ok(a).conversation.id)).size).toBe(1);
    expect(ok(await visitorCommand(socket, 'conversation:list', {})).conversations).toHaveLength(1);
  });

  it.skipIf(!storeConfig)('refuses to reopen a resolved conversation beside the shopper’s new one', async () => {
    const ann = await server.agent({ name: 'Ann' });
    const shop = await server.visitor();
    const first = ok(await visitorCommand(shop.socket, 'conversation:start', {})).conversation;
    const assigned = next(ann.socket as never, 'conversation:assigned');
    ok(await visitorCommand(shop.socket, 'message:send', { conversationId: first.id, clientId: randomUUID(), text: 'Hello' }));
    await assigned;
    ok(await agentCommand(ann.socket, 'conversation:resolve', { conversationId: first.id }));
    const second = ok(await visitorCommand(shop.socket, 'conversation:start', {})).conversation;
    expect(second.id).not.toBe(first.id);

    const reopened = await agentCommand(ann.socket, 'conversation:reopen', { conversationId: first.id });
    expect(reopened).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const { conversations } = ok(await visitorCommand(shop.socket, 'conversation:list', {}));
    expect(conversations.filter((c) => c.status !== 'resolved').map((c) => c.id)).toEqual([second.id]);
    ann.socket.disconnect();
  });
});
