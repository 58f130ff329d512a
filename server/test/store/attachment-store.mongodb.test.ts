import { Binary, MongoClient, ObjectId } from 'mongodb';
import { describe, it } from 'vitest';
import { gridfsBlobs } from '../../src/store/mongo/gridfs-blobs.js';
import { openStore } from '../../src/store/open-store.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { attachmentContract } from './attachment-contract.js';

const wire = await startMongoWire();

if ('skipped' in wire) {
  describe.skip(`attachment store contract: mongodb (skipped: ${wire.skipped})`, () => {
    it('needs a MongoDB-wire server', () => {});
  });
  console.warn(`[mongodb] attachment store contract skipped: ${wire.skipped}`);
} else {
  const { server } = wire;
  attachmentContract(`GridFS on ${server.description}`, async () => ({
    open: () => openStore({ mongodbUrl: server.url }),
    async reopen(store) {
      await store.close();
      // A real restart of the database server, on the same data.
      await server.stop();
      await server.start();
      return openStore({ mongodbUrl: server.url });
    },
    async blobs() {
      const client = await new MongoClient(server.url).connect();
      return { blobs: gridfsBlobs(() => client.db(), 'attachments'), close: () => client.close() };
    },
    // GridFS writes chunks first and the files entry last: a crash in between leaves a chunk.
    async tornWrite() {
      const client = await new MongoClient(server.url).connect();
      try {
        await client.db().collection('attachments.chunks').insertOne({ files_id: new ObjectId(), n: 0, data: new Binary(Buffer.from('half a pho')) });
      } finally {
        await client.close();
      }
    },
    dispose: () => server.dispose(),
  }));
}
