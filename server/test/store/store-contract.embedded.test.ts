import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/open-store.js';
import { storeContract, type StoreHarness } from './contract.js';
import { afterSalesContract } from './after-sales-contract.js';

const harness = async (): Promise<StoreHarness> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-store-'));
  return {
    open: () => openStore({ dataDir }),
    async reopen(store) {
      await store.close();
      return openStore({ dataDir });
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
};

storeContract('embedded (SQLite, on disk)', harness);
// After-sales (issue 12): the ledger, daily totals, audit and limits on the same adapter.
afterSalesContract('embedded (SQLite, on disk)', harness);
