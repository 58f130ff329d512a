import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../../src/config.js';
import { openStore } from '../../src/store/open-store.js';

/**
 * A read-then-write at start-up (a neighbour of issue 10, item 8): two nodes starting at once
 * on one empty database both counted no staff and both created the owner; the unique email
 * refused the second, whose start then failed. The second now finds the owner made and starts.
 */
describe('first start of two nodes on one database', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('creates one owner and starts both', async () => {
    const dir = async () => {
      const d = await mkdtemp(path.join(tmpdir(), 'counter-two-nodes-'));
      dirs.push(d);
      return d;
    };
    const store = await openStore({ dataDir: await dir() });
    const [a, b] = await Promise.all([
      buildApp({ config: testConfig({ dataDir: await dir() }), store }),
      buildApp({ config: testConfig({ dataDir: await dir() }), store }),
    ]);
    try {
      expect(await store.agents.count()).toBe(1);
      expect([a.firstRun.adminPassword, b.firstRun.adminPassword].filter(Boolean)).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
      await store.close();
    }
  });
});
