/**
 * Several server nodes behind one MongoDB-wire server and one Redis, as in a scale-out
 * deployment: the shared setup of the multi-node wire tests. `startSharedStore` runs at the
 * top of a test file (it may skip, with the reason, where MongoDB or Redis is missing outside
 * CI); `node()` starts one more node on the shared store, and `close()` stops every node, then
 * the database, Redis and the scratch folder.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Config } from '../../src/config.js';
import { startMongoWire } from './mongo-wire.js';
import { startRedis } from './redis-server.js';
import { startTestServer, type TestServer } from './test-server.js';

export interface SharedStore {
  /** Why this file's multi-node tests cannot run here, or null. */
  skipped: string | null;
  node(config?: Partial<Config>): Promise<TestServer>;
  close(): Promise<void>;
}

export async function startSharedStore(label: string): Promise<SharedStore> {
  const wire = await startMongoWire();
  const redis = await startRedis();
  const skipped = 'skipped' in wire ? wire.skipped : 'skipped' in redis ? redis.skipped : null;
  if (skipped) console.warn(`[${label}] skipped: ${skipped}`);
  const nodes: TestServer[] = [];
  let dataDir: string | null = null;
  return {
    skipped,
    async node(config = {}) {
      if ('skipped' in wire || 'skipped' in redis) throw new Error(skipped ?? 'skipped');
      // The nodes share the data folder as they would share a volume (attachments, secrets).
      dataDir ??= await mkdtemp(path.join(tmpdir(), `counter-${label.replace(/\W+/g, '-')}-`));
      const node = await startTestServer({ dataDir, config: { mongodbUrl: wire.server.url, redisUrl: redis.url, ...config } });
      nodes.push(node);
      return node;
    },
    async close() {
      for (const node of nodes.splice(0)) await node.close();
      if (!('skipped' in wire)) await wire.server.dispose();
      if (!('skipped' in redis)) await redis.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
