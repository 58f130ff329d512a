/**
 * The two store adapters a wire suite runs on: `describe.each(await bothStores())`. MongoDB is
 * FerretDB's wire server, started once per file and disposed after it; where it cannot run,
 * its row's config is null and the suite's tests skip (`it.skipIf(!storeConfig)`).
 */
import { afterAll } from 'vitest';
import type { Config } from '../../src/config.js';
import { startMongoWire } from './mongo-wire.js';

export async function bothStores(): Promise<[string, Partial<Config> | null][]> {
  const wire = await startMongoWire();
  afterAll(async () => {
    if (!('skipped' in wire)) await wire.server.dispose();
  });
  return [
    ['embedded', {}],
    ['mongodb', 'skipped' in wire ? null : { mongodbUrl: wire.server.url }],
  ];
}
