/**
 * The embedded store's order statistics (issue 15) are exact nearest ranks, also where many
 * values share a histogram bucket (the engine first counts per bucket, then reads back only
 * the values of the buckets the ranks fall in): checked against a sort of the same values.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentId, SiteId } from '@counter/shared';
import { rankOf } from '../../src/store/reports/engine.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { conversationDoc, newTestId } from '../support/fixtures.js';

const T0 = Date.UTC(2026, 2, 2);
const nearest = (values: number[], q: number) => [...values].sort((a, b) => a - b)[rankOf(q, values.length) - 1];

describe('report quantiles on the embedded store', () => {
  let dir: string;
  let store: Store;
  const site = `q-${newTestId()}` as SiteId;
  const agents = ['a', 'b', 'c'].map((x) => `${x}-${newTestId()}` as AgentId);
  const frts: { agent: AgentId; frt: number }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'counter-quantiles-'));
    store = await openStore({ dataDir: dir, fsync: false });
    // 301 values, most of them crowded into a few one-second buckets (and duplicates).
    for (let i = 0; i < 301; i++) {
      const frt = i % 5 === 0 ? 90_000 + i * 1_000 : 40_000 + ((i * 37) % 900);
      const agent = agents[i % 3]!;
      frts.push({ agent, frt });
      const createdAt = T0 + i * 60_000;
      await store.conversations.create(
        conversationDoc({ siteId: site, createdAt, createdQuarter: Math.floor(createdAt / 900_000), requestedAt: createdAt, firstResponseAt: createdAt + frt, frtMs: frt, agentId: agent }),
      );
    }
  });
  afterAll(async () => {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const scope = { siteIds: [site], from: T0, to: T0 + 86_400_000 };
  const qs = [0.1, 0.5, 0.9, 0.99, 1];

  it('over the whole range', async () => {
    const [row] = await store.reports.quantiles({ scope, where: ['human'], by: null, field: 'frtMs', qs });
    const all = frts.map((f) => f.frt);
    expect(row).toEqual({ key: null, count: 301, sum: all.reduce((a, b) => a + b, 0), values: qs.map((q) => nearest(all, q)) });
  });

  it('per group', async () => {
    const rows = await store.reports.quantiles({ scope, where: ['human', 'hasAgent'], by: 'agentId', field: 'frtMs', qs });
    expect(rows.sort((a, b) => String(a.key).localeCompare(String(b.key)))).toEqual(
      [...agents].sort().map((agent) => {
        const mine = frts.filter((f) => f.agent === agent).map((f) => f.frt);
        return { key: agent, count: mine.length, sum: mine.reduce((a, b) => a + b, 0), values: qs.map((q) => nearest(mine, q)) };
      }),
    );
  });
});
