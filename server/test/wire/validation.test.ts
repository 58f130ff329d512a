import { randomUUID } from 'node:crypto';
import { LIMITS } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { openStore } from '../../src/store/open-store.js';
import { ok, startTestServer, visitorCommand, type TestServer, type VisitorSocket } from '../support/test-server.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A store that records every repository call, around the real one: proves that a rejected
 * payload never reaches a query.
 */
function recording(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const wrap = <T extends object>(name: string, target: T): T =>
    new Proxy(target, {
      get(obj, key, receiver) {
        const value = Reflect.get(obj, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(`${name}.${String(key)}`);
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      },
    });
  const wrapped = { ...store } as Store;
  for (const key of Object.keys(store) as (keyof Store)[]) {
    const value = store[key];
    if (typeof value === 'object' && value !== null) (wrapped as unknown as Record<string, unknown>)[key] = wrap(key, value);
  }
  return { store: wrapped, calls };
}

const INJECTIONS: [string, unknown][] = [
  ['{"$ne": null}', { $ne: null }],
  ['{"$gt": ""}', { $gt: '' }],
  ['an array', ['a', 'b']],
  ['a number', 42],
];

describe('validation at the boundary', () => {
  let server: TestServer;
  let socket: VisitorSocket;
  let conversationId: string;
  let recorder: ReturnType<typeof recording>;
  let base: Store;

  beforeAll(async () => {
    base = await openStore({ dataDir: await mkdtemp(path.join(tmpdir(), 'counter-validation-')) });
    recorder = recording(base);
    // No background sweep: its heartbeat would be recorded as a query made by the request.
    server = await startTestServer({ store: recorder.store, config: { visitorEventsPerSecond: 1000, sweepIntervalMs: 3_600_000 } });
    socket = (await server.visitor()).socket;
    conversationId = ok(await visitorCommand(socket, 'conversation:start', {})).conversation.id;
  });
  afterAll(async () => {
    await server.close();
    await base.close();
  });

  const messageCount = async () =>
    (await base.messages.after(conversationId as never, 0, 1000, true)).messages.length;

  for (const [label, evil] of INJECTIONS) {
    it(`rejects ${label} in string fields over sockets: no query, nothing stored`, async () => {
      const before = await messageCount();
      const payloads = [
        { conversationId: evil, clientId: randomUUID(), text: 'hi' },
        { conversationId, clientId: evil, text: 'hi' },
        { conversationId, clientId: randomUUID(), text: evil },
      ];
      for (const payload of payloads) {
        recorder.calls.length = 0;
        const ack = await visitorCommand(socket, 'message:send', payload as never);
        expect(ack.ok).toBe(false);
        if (!ack.ok) {
          expect(ack.error.code).toBe('validation_failed');
          expect(ack.error.issues?.length).toBeGreaterThan(0);
        }
        expect(recorder.calls).toEqual([]);
      }
      recorder.calls.length = 0;
      const history = await visitorCommand(socket, 'message:history', { conversationId: evil } as never);
      expect(history.ok).toBe(false);
      expect(recorder.calls).toEqual([]);
      expect(await messageCount()).toBe(before);
    });

    it(`rejects ${label} in string fields over REST: no query`, async () => {
      const bodies: [string, Record<string, unknown>][] = [
        ['/api/v1/auth/login', { email: evil, password: 'x' }],
        ['/api/v1/auth/login', { email: 'a@b.co', password: evil }],
        ['/api/v1/visitor/sessions', { siteId: evil, pageOrigin: 'http://shop.test' }],
        ['/api/v1/visitor/sessions', { siteId: server.site.id, pageOrigin: evil }],
        ['/api/v1/visitor/sessions', { siteId: server.site.id, pageOrigin: 'http://shop.test', token: evil }],
      ];
      for (const [url, payload] of bodies) {
        recorder.calls.length = 0;
        const res = await server.app.inject({ method: 'POST', url, payload });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error.code).toBe('validation_failed');
        expect(recorder.calls).toEqual([]);
      }
    });
  }

  it('strips unknown keys before anything else sees them', async () => {
    const ack = await visitorCommand(socket, 'message:send', {
      conversationId,
      clientId: randomUUID(),
      text: 'with extras',
      seq: 999,
      author: 'agent',
      kind: 'note',
    } as never);
    const { message } = ok(ack);
    expect(message).toMatchObject({ author: 'visitor', kind: 'text', text: 'with extras' });
    expect(message.seq).not.toBe(999);
  });

  it('answers a message over the length limit with an error ack and stores nothing', async () => {
    const before = await messageCount();
    const ack = await visitorCommand(socket, 'message:send', {
      conversationId,
      clientId: randomUUID(),
      text: 'x'.repeat(LIMITS.messageLength + 1),
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await messageCount()).toBe(before);
  });

  it('drops a packet over the byte limit, stores nothing, and keeps serving others', async () => {
    const before = await messageCount();
    const victim = (await server.visitor()).socket;
    const closed = new Promise<string>((resolve) => victim.on('disconnect', (reason) => resolve(reason)));
    victim.emit('message:send', { conversationId, clientId: randomUUID(), text: 'y'.repeat(LIMITS.payloadBytes * 2) }, () => {});
    expect(await closed).toBe('transport close');
    expect(await messageCount()).toBe(before);
    // The server is fine: the other socket still sends.
    ok(await visitorCommand(socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'still up' }));
    expect(await messageCount()).toBe(before + 1);
    const tooBig = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.co', password: 'p'.repeat(LIMITS.payloadBytes * 2) },
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
  });

  it('answers an unknown command instead of leaving the client waiting', async () => {
    // Untyped on purpose: the typed socket would not let us send an unknown command.
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } };
    const ack = await raw.timeout(5000).emitWithAck('conversation:delete', { conversationId });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('rate limit per socket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { visitorEventsPerSecond: 2 } });
  });
  afterAll(() => server.close());

  it('answers a burst beyond the bucket with rate_limited and stores those messages not', async () => {
    const { socket } = await server.visitor();
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: `burst ${i}` }),
      ),
    );
    const limited = acks.filter((a) => !a.ok && a.error.code === 'rate_limited');
    const accepted = acks.filter((a) => a.ok);
    expect(limited.length).toBeGreaterThan(0);
    expect(accepted.length + limited.length).toBe(20);
    const { messages } = await server.app.store.messages.after(conversation.id as never, 0, 100, true);
    expect(messages.filter((m) => m.author === 'visitor')).toHaveLength(accepted.length);
  });
});
