import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { routingSuite } from './routing-suite.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

routingSuite('the embedded store', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-routing-'));
  dirs.push(dir);
  return openStore({ dataDir: dir });
});
