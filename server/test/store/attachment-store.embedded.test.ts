import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileBlobs } from '../../src/store/embedded/file-blobs.js';
import { openStore } from '../../src/store/open-store.js';
import { attachmentContract } from './attachment-contract.js';

attachmentContract('embedded (files in the data folder)', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-attach-'));
  return {
    open: () => openStore({ dataDir }),
    async reopen(store) {
      await store.close();
      return openStore({ dataDir });
    },
    blobs: async () => ({ blobs: await fileBlobs(path.join(dataDir, 'attachments'), true), close: async () => {} }),
    // The temporary file a write goes through before its rename.
    tornWrite: () => writeFile(path.join(dataDir, 'attachments', 'tmp-0123456789abcdef.part'), 'half a pho'),
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
});
