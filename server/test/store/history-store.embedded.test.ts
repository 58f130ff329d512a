import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { historyContract } from './history-contract.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

historyContract('embedded (SQLite)', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-history-'));
  dirs.push(dataDir);
  return openStore({ dataDir });
});
