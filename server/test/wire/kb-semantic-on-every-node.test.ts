import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddings } from '../support/embeddings-server.js';
import { startEmbeddingsProxy, type EmbeddingsProxy } from '../support/embeddings-proxy.js';
import { embeddingsConfig, seed } from '../support/kb-semantic.js';
import { startSharedStore } from '../support/shared-store-nodes.js';
import type { TestServer } from '../support/test-server.js';

const endpoint = await startEmbeddings();
const shared = await startSharedStore('kb-semantic-nodes');
const skip = 'skipped' in endpoint ? endpoint.skipped : shared.skipped;
if ('skipped' in endpoint) console.warn(`[kb-semantic-on-every-node] skipped: ${endpoint.skipped}`);

/** Shares neither words nor bigrams with the edited article; only its meaning matches. */
const GIFT_QUESTION = '买来送朋友的，能用盒子装一下吗';
const GIFT = { title: '礼品包装服务', body: '结算时勾选礼品包装，我们会用礼盒装好并附上贺卡，每单 10 元。', locale: 'zh', questions: ['可以包装成礼物吗'] };

/** Issue 13, item 2: vectors in the MongoDB store, loaded by every node, kept current on edits. */
describe.skipIf(skip !== null)('semantic search on two nodes (MongoDB wire)', () => {
  let proxy: EmbeddingsProxy;
  let nodeA: TestServer;
  let nodeB: TestServer;
  let cookieA: string;
  let cookieB: string;

  beforeAll(async () => {
    if ('skipped' in endpoint) return;
    proxy = await startEmbeddingsProxy(endpoint.url);
    const config = embeddingsConfig(proxy.url, 20_000);
    nodeA = await shared.node(config);
    cookieA = await seed(nodeA);
    await nodeA.app.services.kb.idle();
    nodeB = await shared.node(config);
    cookieB = (await nodeB.agent({ online: false })).cookie;
  }, 120_000);
  afterAll(async () => {
    await shared.close();
    await proxy?.close();
    if (!('skipped' in endpoint)) await endpoint.stop();
  });

  const searchB = async (q: string) =>
    ((await nodeB.app.inject({ url: `/api/v1/sites/${nodeA.site.id}/articles/search?q=${encodeURIComponent(q)}`, headers: { cookie: cookieB } })).json().hits ?? []) as { title: string }[];

  it('node B, started later, loads the vectors node A stored and embeds nothing again', async () => {
    const passages = proxy.seen.passage;
    await nodeB.app.services.kb.idle();
    expect(proxy.seen.passage).toBe(passages);
    expect((await searchB('寄过来的东西裂开了'))[0]?.title).toBe('商品破损或质量问题');
  });

  it('an article edited on node A is found by its new meaning on node B', async () => {
    const url = `/api/v1/sites/${nodeA.site.id}/articles`;
    const created = await nodeA.app.inject({ method: 'POST', url, headers: { cookie: cookieA }, payload: { title: '会员积分', body: '每消费 1 元积 1 分，积分可抵现。', locale: 'zh' } });
    const { article } = created.json();
    const edited = await nodeA.app.inject({ method: 'PUT', url: `${url}/${article.id}`, headers: { cookie: cookieA }, payload: GIFT });
    expect(edited.statusCode).toBe(200);
    // Lexically the question finds nothing, on either node.
    expect(nodeB.app.services.kb.search(nodeA.site.id, GIFT_QUESTION, 5)).toEqual([]);
    // Node B hears of the edit, then of its vector, through Redis: poll its search (no fixed sleep).
    const deadline = Date.now() + 30_000;
    let titles: string[] = [];
    while ((titles = (await searchB(GIFT_QUESTION)).map((h) => h.title))[0] !== GIFT.title) {
      if (Date.now() > deadline) throw new Error(`node B never found it: ${JSON.stringify(titles)}`);
      await new Promise((r) => setImmediate(r));
    }
    expect(titles[0]).toBe(GIFT.title);
  }, 60_000);
});
