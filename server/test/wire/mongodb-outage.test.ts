import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMongoWire, type MongoWireServer } from '../support/mongo-wire.js';
import { eventually } from '../support/wait.js';
import { ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

const wire = await startMongoWire();

describe.skipIf('skipped' in wire)('MongoDB goes away mid-run and comes back', () => {
  let db: MongoWireServer;
  let server: TestServer;

  beforeAll(async () => {
    if ('skipped' in wire) return;
    db = wire.server;
    server = await startTestServer({ config: { mongodbUrl: db.url, mongodbTimeoutMs: 1000 } });
  });
  afterAll(async () => {
    await server?.close();
    await db?.dispose();
  });

  it('is not ready and refuses sends while down, then works again without a restart', async () => {
    const { socket } = await server.visitor();
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    const send = (text: string, clientId = randomUUID()) =>
      visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId, text });
    ok(await send('before the outage'));
    expect((await server.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);

    await db.stop();
    const ready = await server.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('store_unavailable');
    expect((await server.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);

    const lostClientId = randomUUID();
    const failed = await send('during the outage', lostClientId);
    // Never a success without a write: an error ack the client will retry.
    expect(failed).toMatchObject({ ok: false, error: { code: 'store_unavailable' } });

    await db.start();
    await eventually(
      async () => (await server.app.inject({ method: 'GET', url: '/ready' })).statusCode,
      (status) => status === 200,
      '/ready after MongoDB is back',
      20_000,
    );
    // The client's retry of the failed send now lands, once.
    ok(await send('during the outage', lostClientId));
    ok(await send('during the outage', lostClientId));
    const { messages } = ok(await visitorCommand(socket, 'message:history', { conversationId: conversation.id, afterSeq: 0 }));
    expect(messages.filter((m) => m.author === 'visitor').map((m) => m.text)).toEqual(['before the outage', 'during the outage']);
  });
});
