import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { arrivalsContract } from './arrivals-contract.js';

arrivalsContract('embedded (SQLite, on disk)', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-arrivals-'));
  return {
    open: () => openStore({ dataDir }),
    async reopen(store) {
      await store.close();
      return openStore({ dataDir });
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
});
