import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';
import type { Config } from '../../src/config.js';

/** Write through the wire, restart everything, read back through the wire. */
async function writeRestartRead(start: () => Promise<TestServer>, restartDatabase: () => Promise<void>) {
  let server = await start();
  const { socket, token } = await server.visitor();
  const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
  const texts = ['size 42 in stock?', 'and in blue?', '还有蓝色的吗？'];
  for (const text of texts) {
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text }));
  }
  const siteId = server.site.id;
  await server.close();
  await restartDatabase();

  server = await start();
  try {
    // Same visitor token, same site: the conversation and its messages are all there.
    const again = await server.visitor({ token, siteId });
    const page = ok(await visitorCommand(again.socket, 'message:history', { conversationId: conversation.id, afterSeq: 0 }));
    expect(page.messages.map((m) => m.text)).toEqual(texts);
    expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    const { conversations } = ok(await visitorCommand(again.socket, 'conversation:list', {}));
    expect(conversations.map((c) => c.id)).toEqual([conversation.id]);
  } finally {
    await server.close();
  }
}

describe('durability across restarts', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup) await fn();
  });

  it('embedded store: everything acknowledged before a restart is there after it', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-durable-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    await writeRestartRead(() => startTestServer({ dataDir }), async () => {});
  });

  it('MongoDB: the same, with the database server restarted too', async (ctx) => {
    const wire = await startMongoWire();
    if ('skipped' in wire) return ctx.skip();
    cleanup.push(() => wire.server.dispose());
    const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-durable-mongo-'));
    cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    const config: Partial<Config> = { mongodbUrl: wire.server.url };
    await writeRestartRead(
      () => startTestServer({ dataDir, config }),
      async () => {
        await wire.server.stop();
        await wire.server.start();
      },
    );
  });
});
