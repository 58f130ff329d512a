/**
 * The shared delivery engine (@counter/shared/delivery) at the wire: a real server on port
 * 0 and real socket.io-clients, the engine driving them as a shopper and as an agent. What
 * each test asserts is what the server stored and what the client ends up showing.
 */
import { randomUUID } from 'node:crypto';
import type { ConversationId, VisitorMessage } from '@counter/shared';
import { createDelivery, memoryStorage, merge, Outbox, readAfter, type KeyValue, type Sent } from '@counter/shared/delivery';
import {
  agentCommand,
  command,
  next,
  ok,
  startTestServer,
  visitorCommand,
  type AgentSocket,
  type TestServer,
  type VisitorSocket,
} from '@counter/server/testing';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Role = { name: string; socket: () => Socket; internal?: boolean };

/** One client: its outbox over a storage, the engine, and the list it shows (merged). */
function client(socket: () => Socket, storage: KeyValue, options: { loseFirstAck?: boolean; internal?: boolean } = {}) {
  const outbox = new Outbox(storage);
  let shown: VisitorMessage[] = [];
  const statuses: string[] = [];
  let lost = !options.loseFirstAck;
  const stored = new Set<string>();
  let onStored: (() => void) | null = null;
  const delivery = createDelivery<VisitorMessage>({
    outbox,
    async send(entry): Promise<Sent<VisitorMessage>> {
      const s = socket();
      if (!s.connected) return { ok: false, error: { code: 'offline' } };
      const payload = { conversationId: entry.conversationId, clientId: entry.clientId, text: entry.text, ...(options.internal !== undefined && { internal: options.internal }) };
      const ack = (await command(s, 'message:send' as never, payload as never)) as Sent<VisitorMessage>;
      // The server stored it, but its answer never arrived (a dropped connection, a proxy).
      if (!lost) {
        lost = true;
        return { ok: false, error: { code: 'timeout' } };
      }
      return ack;
    },
    stored(message) {
      shown = merge(shown, [message]);
      stored.add(message.clientId);
      onStored?.();
    },
    status: (clientId, status, reason) => statuses.push(`${status}${reason ? `:${reason}` : ''}`),
    // Short back-off: the test waits for the resend's ack, never for a clock.
    delay: () => 20,
  });
  return {
    outbox,
    delivery,
    statuses,
    shown: () => shown,
    show(messages: VisitorMessage[]) {
      shown = merge(shown, messages);
    },
    write(conversationId: ConversationId, text: string) {
      outbox.add({ clientId: randomUUID(), conversationId, text, createdAt: Date.now() + outbox.list().length });
    },
    /** Resolves once every entry written so far is stored. */
    async delivered(): Promise<void> {
      const pending = outbox.list().map((e) => e.clientId);
      await new Promise<void>((resolve) => {
        const check = () => pending.every((id) => stored.has(id)) && resolve();
        onStored = check;
        check();
      });
    },
  };
}

describe('delivery engine at the wire', () => {
  let server: TestServer;
  let shopper: VisitorSocket;
  let token: string;
  let agent: AgentSocket;
  let conversationId: ConversationId;
  const history = async () => (await server.app.store.messages.after(conversationId, 0, 1000, true)).messages;

  beforeAll(async () => {
    server = await startTestServer({ config: { visitorEventsPerSecond: 1000 } });
    agent = (await server.agent({ name: 'Ann' })).socket;
    ({ socket: shopper, token } = await server.visitor());
    const assigned = next(agent as unknown as Socket, 'conversation:assigned');
    conversationId = ok(await visitorCommand(shopper, 'conversation:start', {})).conversation.id;
    // Routed on its first message.
    ok(await visitorCommand(shopper, 'message:send', { conversationId, clientId: randomUUID(), text: 'hello' }));
    await assigned;
    ok(await agentCommand(agent, 'conversation:open', { conversationId }));
  });
  afterAll(() => server.close());

  const roles: Role[] = [
    { name: 'shopper', socket: () => shopper as unknown as Socket },
    { name: 'agent', socket: () => agent as unknown as Socket, internal: false },
  ];

  for (const role of roles) {
    it(`${role.name}: a lost ack is resent with the same client id and answered with the same message`, async () => {
      const c = client(role.socket, memoryStorage(), { loseFirstAck: true, ...(role.internal !== undefined && { internal: role.internal }) });
      c.write(conversationId, `${role.name}: ack lost`);
      const [entry] = c.outbox.list();
      await c.delivery.flush();
      expect(c.statuses).toEqual(['sending', 'retrying:timeout']);
      await c.delivered();
      const stored = (await history()).filter((m) => m.clientId === entry!.clientId);
      expect(stored).toHaveLength(1);
      expect(c.shown().map((m) => [m.clientId, m.seq])).toEqual([[entry!.clientId, stored[0]!.seq]]);
      expect(c.statuses).toEqual(['sending', 'retrying:timeout', 'sending']);
      expect(c.outbox.list()).toEqual([]);
    });

    it(`${role.name}: keeps the order written, one at a time`, async () => {
      const c = client(role.socket, memoryStorage(), role.internal !== undefined ? { internal: role.internal } : {});
      const texts = Array.from({ length: 6 }, (_, i) => `${role.name} order ${i}`);
      for (const t of texts) c.write(conversationId, t);
      await c.delivery.flush();
      await c.delivered();
      const mine = (await history()).filter((m) => texts.includes(m.text));
      expect(mine.map((m) => m.text)).toEqual(texts);
      expect(mine.map((m) => m.seq)).toEqual([...mine.map((m) => m.seq)].sort((a, b) => a - b));
    });
  }

  it('a reload keeps the outbox: written offline, sent once by the next page', async () => {
    const storage = memoryStorage();
    const offline = { connected: false } as Socket;
    const before = client(() => offline, storage);
    before.write(conversationId, 'written offline 1');
    before.write(conversationId, 'written offline 2');
    await before.delivery.flush();
    expect(before.statuses).toEqual(['sending', 'waiting']);

    // The next page: a new socket with the kept token, a new engine over the same storage.
    const again = await server.visitor({ token });
    const after = client(() => again.socket as unknown as Socket, storage);
    expect(after.outbox.list().map((e) => e.text)).toEqual(['written offline 1', 'written offline 2']);
    await after.delivery.flush();
    await after.delivered();
    expect(storage.keys()).toEqual([]);
    const texts = (await history()).map((m) => m.text).filter((t) => t.startsWith('written offline'));
    expect(texts).toEqual(['written offline 1', 'written offline 2']);
  });

  it('a reconnect replays what was missed: live events first, then the backlog by seq, no doubles', async () => {
    const c = client(() => shopper as unknown as Socket, memoryStorage());
    c.show(ok(await visitorCommand(shopper, 'message:history', { conversationId, limit: 100 })).messages);
    const seen = c.shown().at(-1)!.seq;
    shopper.disconnect();
    const missed = ['while away 1', 'while away 2', 'while away 3'];
    for (const text of missed) ok(await agentCommand(agent, 'message:send', { conversationId, clientId: randomUUID(), text, internal: false }));

    const back = (await server.visitor({ token })).socket;
    // Subscribe before reading the backlog; whatever arrives twice is merged once.
    back.on('message:created', ({ message }) => c.show([message]));
    const liveOne = next(back as unknown as Socket, 'message:created');
    ok(await agentCommand(agent, 'message:send', { conversationId, clientId: randomUUID(), text: 'just now', internal: false }));
    await liveOne;
    await readAfter(
      seen,
      async (afterSeq) => ok(await visitorCommand(back, 'message:history', { conversationId, afterSeq, limit: 1 })),
      (messages) => c.show(messages),
    );
    const shown = c.shown().filter((m) => m.seq > seen).map((m) => m.text);
    expect(shown).toEqual([...missed, 'just now']);
    expect(new Set(c.shown().map((m) => m.seq)).size).toBe(c.shown().length);
    shopper = back;
  });
});
