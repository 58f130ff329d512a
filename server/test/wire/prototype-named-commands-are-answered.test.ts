import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 10, item 9: a command named like a member of Object.prototype, sent with an ack, was
 * never answered (the handler table was searched with `in`). Every one gets an error ack.
 */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

async function expectUnknown(socket: Socket, name: string): Promise<void> {
  const ack: unknown = await socket.timeout(5000).emitWithAck(name, {});
  expect(ack, name).toMatchObject({ ok: false, error: { code: 'not_found' } });
}

describe('commands named after prototype members', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { visitorEventsPerSecond: 100, agentEventsPerSecond: 100 } });
  });
  afterAll(() => server.close());

  it('are answered with not_found on /visitor', async () => {
    const { socket } = await server.visitor();
    for (const name of PROTOTYPE_NAMES) await expectUnknown(socket as unknown as Socket, name);
    // The socket still works afterwards.
    const ack: unknown = await socket.timeout(5000).emitWithAck('conversation:list', {});
    expect(ack).toMatchObject({ ok: true });
  });

  it('are answered with not_found on /agent', async () => {
    const { socket } = await server.agent();
    for (const name of PROTOTYPE_NAMES) await expectUnknown(socket as unknown as Socket, name);
    const ack: unknown = await socket.timeout(5000).emitWithAck('queue:list', {});
    expect(ack).toMatchObject({ ok: true });
  });
});
