import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

describe('knowledge base over REST: who may write, imports all or nothing, search in Chinese and English', () => {
  let server: TestServer;
  let supervisor: string;
  let agent: string;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer();
    supervisor = (await server.agent({ role: 'supervisor', online: false })).cookie;
    agent = (await server.agent({ online: false })).cookie;
    url = `/api/v1/sites/${server.site.id}/articles`;
  });
  afterAll(() => server?.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, cookie: string, payload?: object) =>
    server.app.inject({ method, url: path, headers: { cookie }, ...(payload ? { payload } : {}) });

  it('a supervisor writes an article; its body becomes a safe tree; an agent reads but may not write', async () => {
    const body = 'Paid orders ship in **24 hours**.\n\n- EMS\n- SF Express\n\n[Track](https://shop.test/track) or [this](javascript:alert`1`)';
    const created = await call('POST', url, supervisor, { title: 'Shipping times', body, locale: 'en', tags: ['shipping'], questions: ['when will my order ship'] });
    expect(created.statusCode).toBe(201);
    const { article } = created.json();
    expect(article.blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Paid orders ship in ' }, { type: 'bold', text: '24 hours' }, { type: 'text', text: '.' }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'EMS' }], [{ type: 'text', text: 'SF Express' }]] },
      { type: 'paragraph', content: [{ type: 'link', text: 'Track', href: 'https://shop.test/track' }, { type: 'text', text: ' or this' }] },
    ]);
    expect((await call('GET', `${url}/${article.id}`, agent)).json().article.title).toBe('Shipping times');
    expect((await call('POST', url, agent, { title: 'X', body: 'Y', locale: 'en' })).json().error.code).toBe('forbidden');
    expect((await call('PUT', `${url}/${article.id}`, agent, { title: 'X', body: 'Y', locale: 'en' })).statusCode).toBe(403);
  });

  it('an import with one bad row stores nothing and names the row; a good one stores every article', async () => {
    const before = (await call('GET', url, supervisor)).json().articles.length;
    const bad = 'title,body,locale,tags,questions\nReturns,Send it back within 30 days,en,returns,how do i return\n,No title here,en,,\nSizes,Size chart,fr,,';
    const refused = await call('POST', `${url}/import`, supervisor, { format: 'csv', text: bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['row 2', 'row 3']);
    expect((await call('GET', url, supervisor)).json().articles.length).toBe(before);

    const markdown = [
      '# 如何退货',
      'locale: zh',
      'tags: 退货, 售后',
      'questions: 咋退货 | 东西不想要了怎么退',
      '',
      '收到商品 **7 天内** 可以申请退货。',
      '',
      '# Refund timing',
      'questions: refund not received | where is my money',
      '',
      'Refunds reach your card in 5–10 working days.',
    ].join('\n');
    const imported = await call('POST', `${url}/import`, supervisor, { format: 'markdown', text: markdown });
    expect(imported.json()).toEqual({ imported: 2 });
    expect((await call('GET', url, supervisor)).json().articles.length).toBe(before + 2);
  });

  it('finds articles by Chinese colloquial questions and English typos, and a deleted article disappears', async () => {
    const search = async (q: string) => (await call('GET', `${url}/search?q=${encodeURIComponent(q)}`, agent)).json().hits as { id: string; title: string }[];
    expect((await search('我想退货'))[0]?.title).toBe('如何退货');
    expect((await search('refund not recieved'))[0]?.title).toBe('Refund timing');
    expect((await search('shiping'))[0]?.title).toBe('Shipping times');
    const [hit] = await search('refund');
    expect((await call('DELETE', `${url}/${hit!.id}`, supervisor)).statusCode).toBe(204);
    expect((await search('refund')).map((h) => h.id)).not.toContain(hit!.id);
  });

  it('staff of another site cannot read or search this site\'s articles', async () => {
    const other = await server.agent({ role: 'admin', siteIds: [], online: false });
    expect((await call('GET', url, other.cookie)).statusCode).toBe(403);
    expect((await call('GET', `${url}/search?q=refund`, other.cookie)).statusCode).toBe(403);
  });
});

describe('knowledge base for shoppers: suggestions while typing, an article to read, popular questions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    const { cookie } = await server.agent({ role: 'supervisor', online: false });
    const text = ['# 如何退货', 'locale: zh', '', '签收后 **7 天内** 可退货。', '# 运费与包邮', 'locale: zh', '', '满 99 元包邮。', '# Refund timing', '', 'Refunds take 5 days.'].join('\n');
    const res = await server.app.inject({ method: 'POST', url: `/api/v1/sites/${server.site.id}/articles/import`, headers: { cookie }, payload: { format: 'markdown', text } });
    expect(res.json()).toEqual({ imported: 3 });
  });
  afterAll(() => server?.close());

  type Hit = { id: string; title: string };
  const send = <T>(socket: unknown, event: string, payload: object) =>
    new Promise<{ ok: boolean; data: T; error?: { code: string } }>((resolve) => (socket as { emit: (...a: unknown[]) => void }).emit(event, payload, resolve));

  it('suggests articles of the shopper\'s own site, opens one as a tree, and counts it as popular', async () => {
    const { socket } = await server.visitor();
    const suggest = await send<{ hits: Hit[] }>(socket, 'kb:suggest', { q: '咋退货' });
    expect(suggest.data.hits[0]?.title).toBe('如何退货');
    const opened = await send<{ article: { blocks: unknown[]; title: string } }>(socket, 'kb:article', { articleId: suggest.data.hits[0]!.id });
    expect(opened.data.article.blocks[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: '签收后 ' }, { type: 'bold', text: '7 天内' }, { type: 'text', text: ' 可退货。' }] });
    // The view is counted in the background; the next top list reads the store.
    await server.app.store.articles.countView(server.site.id, suggest.data.hits[0]!.id as never);
    const top = await send<{ hits: Hit[] }>(socket, 'kb:top', { locale: 'zh' });
    expect(top.data.hits.map((h) => h.title)).toEqual(['如何退货', '运费与包邮']);
  });

  it('refuses a malformed query and an id that is not an article of this site', async () => {
    const { socket } = await server.visitor();
    expect((await send(socket, 'kb:suggest', { q: { $ne: null } })).error?.code).toBe('validation_failed');
    expect((await send(socket, 'kb:article', { articleId: 'not-an-article-id' })).error?.code).toBe('not_found');
  });
});
