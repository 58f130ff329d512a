/** Semantic search's clients from the configuration (issue 13, item 2); null: lexical only. */
import type { Config } from '../../config.js';
import { embeddingsClient } from './embeddings.js';
import type { SemanticConfig } from './semantic-search.js';

/** Embedding articles is nobody's wait: a slow endpoint gets this long per request of 16. */
const PASSAGE_TIMEOUT_MS = 30_000;

export function semanticConfig(embeddings: Config['embeddings']): SemanticConfig | null {
  if (!embeddings) return null;
  const { url, model, timeoutMs, minSimilarity, minMargin } = embeddings;
  return {
    queries: embeddingsClient(url, { model, timeoutMs }),
    passages: embeddingsClient(url, { model, timeoutMs: PASSAGE_TIMEOUT_MS }),
    model,
    minSimilarity,
    minMargin,
  };
}
