import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { reportsContract } from './reports-contract.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

reportsContract('embedded (SQLite)', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-reports-'));
  dirs.push(dataDir);
  return openStore({ dataDir, fsync: false });
});
