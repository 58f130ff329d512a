import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileBlobs } from '../../src/store/embedded/file-blobs.js';
import { attachmentContract } from './attachment-contract.js';
import { embeddedHarness } from './harnesses.js';

attachmentContract('embedded (files in the data folder)', async () => {
  const harness = await embeddedHarness('counter-attach-');
  const folder = path.join(harness.dataDir, 'attachments');
  return {
    ...harness,
    blobs: async () => ({ blobs: await fileBlobs(folder, true), close: async () => {} }),
    // The temporary file a write goes through before its rename.
    tornWrite: () => writeFile(path.join(folder, 'tmp-0123456789abcdef.part'), 'half a pho'),
  };
});
