import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { presenceHistoryContract } from './presence-history-contract.js';

presenceHistoryContract('embedded (SQLite, on disk)', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-presence-'));
  return {
    open: () => openStore({ dataDir }),
    async reopen(store) {
      await store.close();
      return openStore({ dataDir });
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
});
