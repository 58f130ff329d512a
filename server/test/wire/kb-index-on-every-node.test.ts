import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSharedStore } from '../support/shared-store-nodes.js';
import type { TestServer } from '../support/test-server.js';

const shared = await startSharedStore('kb-index');

describe.skipIf(shared.skipped !== null)('knowledge-base index on two nodes: built at start, kept current on edits', () => {
  let nodeA: TestServer;
  let nodeB: TestServer;
  let cookieA: string;
  let cookieB: string;
  let url: string;

  beforeAll(async () => {
    nodeA = await shared.node();
    cookieA = (await nodeA.agent({ role: 'supervisor', online: false })).cookie;
    url = `/api/v1/sites/${nodeA.site.id}/articles`;
    // Written before node B starts: B must find it from the store at start.
    const res = await nodeA.app.inject({ method: 'POST', url, headers: { cookie: cookieA }, payload: { title: '发票怎么开', body: '在订单页申请电子发票。', locale: 'zh' } });
    expect(res.statusCode).toBe(201);
    nodeB = await shared.node();
    cookieB = (await nodeB.agent({ online: false })).cookie;
  });
  afterAll(() => shared.close());

  const searchB = async (q: string) =>
    ((await nodeB.app.inject({ method: 'GET', url: `${url}/search?q=${encodeURIComponent(q)}`, headers: { cookie: cookieB } })).json().hits ?? []) as { id: string; title: string }[];

  /** Node B hears of A's edit through Redis; poll its search (no fixed sleep) until it shows. */
  async function untilB(q: string, predicate: (titles: string[]) => boolean) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const titles = (await searchB(q)).map((h) => h.title);
      if (predicate(titles)) return titles;
      if (Date.now() > deadline) throw new Error(`node B never saw it: ${JSON.stringify(titles)}`);
      await new Promise((r) => setImmediate(r));
    }
  }

  it('node B, started later, finds the article written on node A before it started', async () => {
    expect((await searchB('怎么开发票')).map((h) => h.title)).toEqual(['发票怎么开']);
  });

  it('an article added, changed and deleted on node A is found, renamed and gone on node B', async () => {
    const created = await nodeA.app.inject({ method: 'POST', url, headers: { cookie: cookieA }, payload: { title: 'Coupon codes', body: 'Enter the code at checkout.', locale: 'en' } });
    const { article } = created.json();
    await untilB('coupon', (t) => t.includes('Coupon codes'));
    await nodeA.app.inject({ method: 'PUT', url: `${url}/${article.id}`, headers: { cookie: cookieA }, payload: { title: 'Vouchers and coupon codes', body: 'Enter the voucher at checkout.', locale: 'en' } });
    await untilB('voucher', (t) => t.includes('Vouchers and coupon codes'));
    await nodeA.app.inject({ method: 'DELETE', url: `${url}/${article.id}`, headers: { cookie: cookieA } });
    expect(await untilB('voucher', (t) => t.length === 0)).toEqual([]);
  });
});
