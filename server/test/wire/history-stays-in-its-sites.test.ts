import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HistoryResultPage, Site } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageDoc } from '../support/fixtures.js';
import { agentCommand, next, ok, SHOP_ORIGIN, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/**
 * Issue 16, item 1: History and search over REST. Staff of site A never get site B's
 * conversations; notes are found by staff and never reach a shopper; search keys never leave
 * the server.
 */
describe('history and search stay within the caller’s sites', () => {
  let server: TestServer;
  let other: Site;
  let conversationA: string;
  let conversationB: string;
  let shopperA: Awaited<ReturnType<TestServer['visitor']>>;
  let ann: Awaited<ReturnType<TestServer['agent']>>;

  const history = async (cookie: string, query: Record<string, string> = {}) => {
    const res = await server.app.inject({ method: 'GET', url: `/api/v1/history?${new URLSearchParams(query)}`, headers: { cookie } });
    return { status: res.statusCode, body: res.json() as HistoryResultPage & { error?: { code: string } } };
  };

  beforeAll(async () => {
    server = await startTestServer();
    other = await server.app.services.sites.create({ name: 'Other shop', allowedOrigins: [SHOP_ORIGIN], greeting: {}, businessHours: null, defaultLocale: 'zh' });
    ann = await server.agent({ name: 'Ann', siteIds: [server.site.id], online: true });

    shopperA = await server.visitor();
    const assigned = next(ann.socket as never, 'conversation:assigned');
    conversationA = ok(await visitorCommand(shopperA.socket, 'conversation:start', {})).conversation.id;
    ok(await visitorCommand(shopperA.socket, 'message:send', { conversationId: conversationA, clientId: randomUUID(), text: '你好\n我的快递到哪了？' }));
    await assigned;
    ok(await agentCommand(ann.socket, 'message:send', { conversationId: conversationA, clientId: randomUUID(), text: '内部：快递丢件 vip', internal: true }));

    const shopperB = await server.visitor({ siteId: other.id });
    conversationB = ok(await visitorCommand(shopperB.socket, 'conversation:start', {})).conversation.id;
    ok(await visitorCommand(shopperB.socket, 'message:send', { conversationId: conversationB, clientId: randomUUID(), text: '快递什么时候到' }));
  });
  afterAll(() => server.close());

  it('finds a Chinese message by a Chinese query, with the matching line and its highlight', async () => {
    const { status, body } = await history(ann.cookie, { q: '快递' });
    expect(status).toBe(200);
    expect(body.items.map((i) => i.conversation.id)).toEqual([conversationA]);
    const [note, text] = body.items[0]!.matches;
    expect(note).toMatchObject({ kind: 'note', snippet: '内部：快递丢件 vip', highlights: [[3, 5]] });
    // The line that matched, not the greeting before it.
    expect(text).toMatchObject({ kind: 'text', snippet: '我的快递到哪了？', highlights: [[2, 4]] });
  });

  it("never gives staff of one site the other site's conversations, by search or by list", async () => {
    const olga = await server.agent({ name: 'Olga', role: 'supervisor', siteIds: [other.id], online: false });
    const found = await history(olga.cookie, { q: '快递' });
    expect(found.body.items.map((i) => i.conversation.id)).toEqual([conversationB]);
    // Site A's note is never among them, whatever the query.
    expect(JSON.stringify((await history(olga.cookie, { q: '丢件' })).body.items)).toBe('[]');
    const listed = (await history(olga.cookie)).body.items.map((i) => i.conversation.id);
    expect(listed).toEqual([conversationB]);
    // Asking for the other site by name gives nothing, not its data.
    expect((await history(olga.cookie, { siteId: server.site.id })).body.items).toEqual([]);
    expect((await history(ann.cookie, { siteId: other.id, q: '快递' })).body.items).toEqual([]);
  });

  it('gives a plain agent only what they may open: not a colleague’s conversation', async () => {
    const carl = await server.agent({ name: 'Carl', siteIds: [server.site.id], online: false });
    expect((await history(carl.cookie, { q: '快递' })).body.items).toEqual([]);
    expect((await history(carl.cookie)).body.items.map((i) => i.conversation.id)).not.toContain(conversationA);
    // The conversation:open rule agrees.
    expect(await agentCommand(carl.socket, 'conversation:open', { conversationId: conversationA as never })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lists all conversations of one shopper, and filters by status', async () => {
    const mine = await history(ann.cookie, { visitorId: shopperA.session.visitorId });
    expect(mine.body.items.map((i) => i.conversation.id)).toEqual([conversationA]);
    expect((await history(ann.cookie, { status: 'resolved' })).body.items).toEqual([]);
    expect((await history(ann.cookie, { status: 'assigned' })).body.items.map((i) => i.conversation.id)).toEqual([conversationA]);
  });

  it('refuses a forged cursor and a stranger with catalogue errors', async () => {
    const forged = await history(ann.cookie, { cursor: Buffer.from('{"$ne":null}').toString('base64url') });
    expect(forged.status).toBe(400);
    expect(forged.body.error?.code).toBe('validation_failed');
    const stranger = await server.app.inject({ method: 'GET', url: '/api/v1/history?q=x' });
    expect(stranger.statusCode).toBe(401);
    expect((await history(ann.cookie, { limit: '1000' })).status).toBe(400);
  });

  it('sends the shopper no note and no search key; staff get no search key either', async () => {
    const page = ok(await visitorCommand(shopperA.socket, 'message:history', { conversationId: conversationA }));
    expect(page.messages.map((m) => m.kind)).not.toContain('note');
    const agentPage = ok(await agentCommand(ann.socket, 'message:history', { conversationId: conversationA }));
    for (const m of [...page.messages, ...agentPage.messages]) {
      expect(Object.keys(m)).not.toContain('searchKeys');
      expect(Object.keys(m)).not.toContain('keysVersion');
    }
    // Stored, all the same: the search above used them.
    const stored = await server.app.store.messages.before(conversationA as never, null, 10, true);
    expect(stored.messages.every((m) => Array.isArray(m.searchKeys))).toBe(true);
  });
});

describe('messages stored before search existed', () => {
  it('are keyed by the background backfill at the next start, and then found', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-history-start-'));
    try {
      let server = await startTestServer({ dataDir });
      const shopper = await server.visitor();
      const conversationId = ok(await visitorCommand(shopper.socket, 'conversation:start', {})).conversation.id;
      ok(await visitorCommand(shopper.socket, 'message:send', { conversationId, clientId: randomUUID(), text: '请问可以退款吗' }));
      // As an earlier version stored it: no keys.
      await server.app.store.messages.insert({ ...messageDoc({ conversationId: conversationId as never, seq: 99, text: '发票抬头写错了' }) });
      await server.close();

      server = await startTestServer({ dataDir });
      try {
        expect(await server.app.history.backfilled()).toBe(1);
        const cookie = await server.login(server.adminEmail, server.adminPassword);
        const res = await server.app.inject({ method: 'GET', url: `/api/v1/history?q=${encodeURIComponent('发票')}`, headers: { cookie } });
        expect((res.json() as HistoryResultPage).items.map((i) => i.matches[0]?.snippet)).toEqual(['发票抬头写错了']);
      } finally {
        await server.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
