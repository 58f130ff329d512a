import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { escalationTeamsSuite } from './escalation-teams-suite.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

escalationTeamsSuite('the embedded store', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-escalation-'));
  dirs.push(dir);
  return openStore({ dataDir: dir });
});
