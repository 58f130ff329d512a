/**
 * Issue 10 item 11: text from people is cleaned in one place (shared/src/schemas/safe-text.ts)
 * before it is stored or shown: controls, bidi overrides and lone surrogates are dropped, text
 * is NFC, combining marks are capped, and text with nothing visible is refused by name.
 * Exercised over the wire, on the shopper's and the agent's commands and the REST bodies.
 */
import { randomUUID } from 'node:crypto';
import type { VisitorId } from '@counter/shared';
import { COMBINING_MARKS_PER_BASE } from '@counter/shared/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentCommand,
  ok,
  startTestServer,
  visitorCommand,
  type AgentSocket,
  type TestServer,
  type VisitorSocket,
} from '../support/test-server.js';

const INVISIBLE = [
  ['zero-width spaces', '\u200B\u200B'],
  ['a zero-width joiner and a BOM', '\u200D\uFEFF'],
  ['combining marks only', '\u0301\u0308\u0301'],
  ['a Hangul filler', '\u3164'],
  ['a Braille blank and spaces', ' \u2800 '],
  ['bidi overrides only', '\u202E\u202D'],
  ['controls only', '\u0000\u001B\u0085'],
] as const;

describe('text from people is cleaned in one place', () => {
  let server: TestServer;
  let shopper: VisitorSocket;
  let visitorId: string;
  let agent: { socket: AgentSocket; cookie: string; agentId: string };
  let conversationId: string;

  beforeAll(async () => {
    server = await startTestServer({ config: { visitorEventsPerSecond: 1000, agentEventsPerSecond: 1000 } });
    agent = await server.agent({ name: 'Ann', role: 'admin' });
    const v = await server.visitor();
    shopper = v.socket;
    visitorId = v.session.visitorId;
    conversationId = ok(await visitorCommand(shopper, 'conversation:start', {})).conversation.id;
  });
  afterAll(() => server.close());

  const send = (text: string) => visitorCommand(shopper, 'message:send', { conversationId, clientId: randomUUID(), text });

  it('drops bidi overrides, NUL, ESC and lone surrogates from a message, and keeps line breaks', async () => {
    const cases: [string, string][] = [
      ['Refund approved \u202Egnp.exe', 'Refund approved gnp.exe'],
      ['\u2066isolated\u2069 and \u202Aembedded\u202C', 'isolated and embedded'],
      ['a\u0000b\u001B[31mc\u007F\u0085d', 'ab[31mcd'],
      ['lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00', 'lone  high, lone  low, pair \uD83D\uDE00'],
      ['line 1\r\nline 2\rline 3\n\tindented', 'line 1\nline 2\nline 3\n\tindented'],
      ['family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} and keycap 1\uFE0F\u20E3', 'family \u{1F468}\u200D\u{1F469}\u200D\u{1F467} and keycap 1\uFE0F\u20E3'],
    ];
    for (const [input, stored] of cases) {
      expect(ok(await send(input)).message.text, JSON.stringify(input)).toBe(stored);
    }
    // What the agent reads is what was stored.
    const history = ok(await agentCommand(agent.socket, 'message:history', { conversationId }));
    expect(history.messages.map((m) => m.text)).toContain('Refund approved gnp.exe');
    expect(history.messages.some((m) => /[\u0000\u001B\u202E\u2066]/.test(m.text ?? ''))).toBe(false);
  });

  it('stores text in NFC and caps combining marks per character', async () => {
    expect(ok(await send('Cafe\u0301')).message.text).toBe('Caf\u00E9');
    const zalgo = ok(await send(`Z${'\u0336\u0353\u0320'.repeat(10)}algo`)).message.text!;
    expect(zalgo).toMatch(/^Z\p{M}+algo$/u);
    expect(Math.max(...[...zalgo.matchAll(/\p{M}+/gu)].map((m) => m[0].length))).toBe(COMBINING_MARKS_PER_BASE);
    // Real scripts keep their marks: Vietnamese, Hindi, Hebrew with points.
    for (const word of ['Tiếng Việt', 'हिन्दी', 'שָׁלוֹם']) expect(ok(await send(word)).message.text).toBe(word.normalize('NFC'));
  });

  it('refuses a message with nothing visible, naming why', async () => {
    for (const [what, text] of INVISIBLE) {
      const ack = await send(text);
      expect(ack.ok, what).toBe(false);
      if (ack.ok) continue;
      expect(ack.error.code).toBe('validation_failed');
      expect(ack.error.issues?.[0]?.path).toBe('text');
      expect(ack.error.issues?.[0]?.message).toMatch(/must contain visible characters|must not be empty/);
    }
  });

  it('refuses a zero-width name beside the verified mark, and in a left message', async () => {
    const identify = await visitorCommand(shopper, 'visitor:identify', { id: 'customer-1', name: '\u200B\u200C', signature: 'a'.repeat(64) });
    expect(identify.ok).toBe(false);
    if (!identify.ok) expect(identify.error.issues).toEqual([{ path: 'name', message: 'must contain visible characters' }]);

    const left = await visitorCommand(shopper, 'conversation:leave-message', {
      clientId: randomUUID(),
      email: 'a@example.com',
      name: '\u3164',
      text: 'Call me',
    });
    expect(left.ok).toBe(false);
    if (!left.ok) expect(left.error.issues?.map((i) => i.path)).toEqual(['name']);
  });

  it("cleans the shopper's context: product and cart titles, page title, and links", async () => {
    ok(
      await visitorCommand(shopper, 'visitor:context', {
        page: { url: 'https://shop.test/p/\u202Egnp.exe', title: 'Shoes\u0000 \u202E!sale' },
        product: { title: 'Sneaker\u202E 42', id: 'SKU\u00001', image: 'https://cdn.shop.test/\u202Ea.png' },
        cart: { items: [{ title: 'Sock\u2066s\u2069', quantity: 1 }] },
      }),
    );
    const stored = (await server.app.store.visitors.byId(visitorId as VisitorId))!;
    expect(stored.currentPage).toMatchObject({ url: 'https://shop.test/p/%E2%80%AEgnp.exe', title: 'Shoes !sale' });
    expect(stored.product).toMatchObject({ title: 'Sneaker 42', id: 'SKU1', image: 'https://cdn.shop.test/%E2%80%AEa.png' });
    expect(stored.cart?.items[0]?.title).toBe('Socks');

    const blank = await visitorCommand(shopper, 'visitor:context', { product: { title: '\u200B' } });
    expect(blank.ok).toBe(false);
  });

  it("cleans staff text too: notes, tags, canned replies, names", async () => {
    const take = await agentCommand(agent.socket, 'conversation:take', { conversationId });
    if (!take.ok) expect(take.error.code).toBe('conflict'); // already routed to this agent
    const note = ok(
      await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'VIP\u202E !', internal: true }),
    );
    expect(note.message.text).toBe('VIP !');
    const tags = await agentCommand(agent.socket, 'conversation:tags', { conversationId, tags: ['\u3164'] });
    expect(tags.ok).toBe(false);

    const canned = await server.app.inject({
      method: 'POST',
      url: '/api/v1/canned-replies',
      headers: { cookie: agent.cookie },
      payload: { shortcut: 'ship', title: 'Ship\u202Eping', text: 'We ship\u0000 daily', siteId: server.site.id },
    });
    expect(canned.statusCode).toBe(201);
    expect(canned.json().cannedReply).toMatchObject({ title: 'Shipping', text: 'We ship daily' });

    const rename = await server.app.inject({
      method: 'PATCH',
      url: `/api/v1/agents/${agent.agentId}`,
      headers: { cookie: await server.login(server.adminEmail, server.adminPassword) },
      payload: { name: '\u200B' },
    });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().error.issues).toEqual([{ path: 'name', message: 'must contain visible characters' }]);
  });
});
