import { randomUUID } from 'node:crypto';
import type { ReportConversationPage, ReportSummary, Site } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, next, ok, SHOP_ORIGIN, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/**
 * Issue 15 item 1–2 over REST: a real chat (shopper message, assignment, reply, resolution)
 * shows in the report of its site's supervisors; agents get 403; other sites' staff never see
 * it; the drill-down pages and the CSV is Excel-ready and formula-safe.
 */
describe('reports stay within the sites a person supervises', () => {
  let server: TestServer;
  let other: Site;
  let conversationA: string;
  let ann: Awaited<ReturnType<TestServer['agent']>>;
  let sue: Awaited<ReturnType<TestServer['agent']>>;
  let from: number;

  const get = async (cookie: string, path: string, query: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    return server.app.inject({ method: 'GET', url: `/api/v1/reports/${path}?${qs}`, headers: { cookie } });
  };

  beforeAll(async () => {
    from = Date.now() - 60_000;
    server = await startTestServer();
    other = await server.app.services.sites.create({ name: 'Other shop', allowedOrigins: [SHOP_ORIGIN], greeting: {}, businessHours: null, defaultLocale: 'zh' });
    ann = await server.agent({ name: 'Ann', siteIds: [server.site.id], online: true });
    sue = await server.agent({ name: 'Sue', role: 'supervisor', siteIds: [server.site.id], online: false });

    const shopper = await server.visitor();
    const assigned = next(ann.socket as never, 'conversation:assigned');
    conversationA = ok(await visitorCommand(shopper.socket, 'conversation:start', {})).conversation.id;
    ok(await visitorCommand(shopper.socket, 'message:send', { conversationId: conversationA, clientId: randomUUID(), text: '我的快递到哪了？' }));
    await assigned;
    ok(await agentCommand(ann.socket, 'message:send', { conversationId: conversationA as never, clientId: randomUUID(), text: '马上帮您查' }));
    ok(await agentCommand(ann.socket, 'conversation:resolve', { conversationId: conversationA as never }));
    // A tag a spreadsheet would run as a formula.
    await server.app.store.conversations.setTags(conversationA as never, ['=HYPERLINK("x")', '退款'], Date.now());
  });
  afterAll(() => server.close());

  it('gives a supervisor the figures of a real chat, computed by the store', async () => {
    const res = await get(sue.cookie, 'summary', { from, to: Date.now() + 60_000, tz: 'Asia/Shanghai' });
    expect(res.statusCode).toBe(200);
    const { figures, query } = res.json() as ReportSummary;
    expect(query.tz).toBe('Asia/Shanghai');
    expect(figures.conversations).toBe(1);
    expect(figures.firstResponse.count).toBe(1);
    expect(figures.replyTime.count).toBe(1);
    expect(figures.queueWait.count).toBe(1);
    expect(figures.resolutionTime.count).toBe(1);
    expect(figures.resolutionRate).toBe(1);
    expect(figures.agents.map((a) => [a.name, a.handled])).toEqual([['Ann', 1]]);
    expect(figures.byTag.map((t) => t.key).sort()).toEqual(['=HYPERLINK("x")', '退款'].sort());
  });

  it('refuses agents, other sites and nonsense', async () => {
    const range = { from, to: Date.now() + 60_000 };
    expect((await get(ann.cookie, 'summary', range)).statusCode).toBe(403);
    expect((await get(ann.cookie, 'export.csv', { ...range, kind: 'conversations' })).statusCode).toBe(403);
    const olga = await server.agent({ name: 'Olga', role: 'supervisor', siteIds: [other.id], online: false });
    expect((await get(olga.cookie, 'summary', { ...range, siteId: server.site.id })).json()).toMatchObject({ error: { code: 'forbidden' } });
    const own = (await get(olga.cookie, 'summary', range)).json() as ReportSummary;
    expect(own.figures.conversations).toBe(0);
    expect((await get(sue.cookie, 'summary', { ...range, tz: 'Mars/Olympus' })).json()).toMatchObject({ error: { code: 'validation_failed' } });
    expect((await get(sue.cookie, 'summary', { from: 5, to: 4 })).statusCode).toBe(400);
  });

  it('drills down to the conversations behind a figure', async () => {
    const range = { from, to: Date.now() + 60_000 };
    const page = (await get(sue.cookie, 'conversations', { ...range, figure: 'frt_within_30s' })).json() as ReportConversationPage;
    expect(page.rows.map((r) => [r.id, r.agentName])).toEqual([[conversationA, 'Ann']]);
    expect(page.cursor).toBeNull();
    const none = (await get(sue.cookie, 'conversations', { ...range, figure: 'abandoned' })).json() as ReportConversationPage;
    expect(none.rows).toEqual([]);
  });

  it('exports CSV with a BOM, one row per conversation, formulas defused', async () => {
    const res = await get(sue.cookie, 'export.csv', { from, to: Date.now() + 60_000, kind: 'conversations' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFid,site_id,created_at,')).toBe(true);
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(conversationA);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") 退款"`);
    const agents = (await get(sue.cookie, 'export.csv', { from, to: Date.now() + 60_000, kind: 'agents' })).rawPayload.toString('utf8');
    expect(agents.trim().split('\r\n')[1]).toMatch(/^[^,]+,Ann,1,1,/);
  });
});
