import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/**
 * Issue 10, item 12: what a shopper receives is shaped in one place (views.ts), and nothing
 * staff-only ever reaches them. Every key below is staff-only, at any depth of any event or ack.
 */
const STAFF_ONLY_KEYS = [
  'agentId',
  'excludedAgentIds',
  'requestedAt',
  'tags',
  'contactEmail',
  'awaitingReplySince',
  'firstResponseAt',
  'unreadByAgent',
  'siteIds',
  'passwordHash',
  'identitySecret',
  'capacity',
  'role',
];
const NOTE = 'internal: customer is on the fraud watch list';

function staffOnlyPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => staffOnlyPaths(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return typeof value === 'string' && value.includes(NOTE) ? [path] : [];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(STAFF_ONLY_KEYS.includes(key) ? [`${path}.${key}`] : []),
    ...(key === 'kind' && v === 'note' ? [`${path}.kind=note`] : []),
    ...staffOnlyPaths(v, `${path}.${key}`),
  ]);
}

describe('a shopper never receives staff-only fields', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('walks a whole conversation as the shopper: every event and every ack is clean', async () => {
    const ann = await server.agent({ name: 'Ann' });
    const bob = await server.agent({ name: 'Bob' });
    const shop = await server.visitor();
    const received: { what: string; payload: unknown }[] = [{ what: 'session', payload: shop.session }];
    shop.socket.onAny((event, payload) => received.push({ what: `event ${event}`, payload }));
    const ack = async <T>(what: string, promise: Promise<T>): Promise<T> => {
      const value = await promise;
      received.push({ what: `ack ${what}`, payload: value });
      return value;
    };

    const { conversation } = ok(await ack('start', visitorCommand(shop.socket, 'conversation:start', {})));
    const conversationId = conversation.id;
    const assigned = Promise.race([next(ann.socket as never, 'conversation:assigned'), next(bob.socket as never, 'conversation:assigned')]);
    ok(await ack('send', visitorCommand(shop.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Is this in stock?' })));
    const { item } = (await assigned) as { item: { conversation: { agentId: string } } };
    const [holder, other] = item.conversation.agentId === ann.agentId ? [ann, bob] : [bob, ann];

    const reply = next(shop.socket as never, 'message:created', (e: { message: { text: string } }) => e.message.text === 'Yes, two left.');
    ok(await agentCommand(holder.socket, 'message:send', { conversationId, clientId: randomUUID(), text: NOTE, internal: true }));
    ok(await agentCommand(holder.socket, 'typing:set', { conversationId, typing: true }));
    ok(await agentCommand(holder.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Yes, two left.' }));
    await reply;
    ok(await agentCommand(holder.socket, 'conversation:tags', { conversationId, tags: ['stock'] }));
    ok(await agentCommand(holder.socket, 'conversation:transfer', { conversationId, toAgentId: other.agentId, note: NOTE }));
    ok(await agentCommand(other.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Taking over here.' }));
    ok(await ack('read', visitorCommand(shop.socket, 'message:read', { conversationId, seq: 100 })));
    const resolved = next(shop.socket as never, 'conversation:updated', (e: { conversation: { status: string } }) => e.conversation.status === 'resolved');
    ok(await agentCommand(other.socket, 'conversation:resolve', { conversationId }));
    await resolved;
    ok(await ack('rate', visitorCommand(shop.socket, 'conversation:rate', { conversationId, score: 5 })));
    const history = ok(await ack('history', visitorCommand(shop.socket, 'message:history', { conversationId })));
    ok(await ack('list', visitorCommand(shop.socket, 'conversation:list', {})));
    ok(await ack('leave-message', visitorCommand(shop.socket, 'conversation:leave-message', { clientId: randomUUID(), email: 'me@example.com', text: 'Later' })));

    // The walk really happened: agent messages reached the shopper, with their author's name.
    expect(history.messages.filter((m) => m.author === 'agent').map((m) => [m.text, m.authorName])).toEqual([
      ['Yes, two left.', holder === ann ? 'Ann' : 'Bob'],
      ['Taking over here.', other === ann ? 'Ann' : 'Bob'],
    ]);
    expect(received.some((r) => r.what === 'event typing:changed')).toBe(true);
    expect(received.filter((r) => r.what === 'event message:created').length).toBeGreaterThanOrEqual(3);
    expect(received.flatMap((r) => staffOnlyPaths(r.payload).map((p) => `${r.what}: ${p}`))).toEqual([]);
  });
});
