/**
 * Hybrid ranking: BM25 (the lexical index) and cosine similarity of embeddings fused by
 * reciprocal rank. Ranks, not scores, are fused: BM25 scores are unbounded and cosines of
 * E5 vectors crowd into 0.7–0.9, so neither scale means anything to the other.
 */

/** The usual RRF constant: a first place is worth about twice a tenth place. */
const K = 60;

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Ids by fused rank; each list is best first. */
export function fuseRanks(lists: readonly (readonly string[])[], limit: number): string[] {
  const score = new Map<string, number>();
  for (const list of lists) list.forEach((id, rank) => score.set(id, (score.get(id) ?? 0) + 1 / (K + rank + 1)));
  return [...score.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([id]) => id);
}

/** Ids of `vectors` by cosine with `query`, best first. */
export function bySimilarity(query: readonly number[], vectors: ReadonlyMap<string, readonly number[]>, limit: number): string[] {
  return [...vectors.entries()]
    .map(([id, v]) => [id, cosine(query, v)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([id]) => id);
}
