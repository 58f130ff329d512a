import { Binary, MongoClient, ObjectId } from 'mongodb';
import { gridfsBlobs } from '../../src/store/mongo/gridfs-blobs.js';
import { attachmentContract } from './attachment-contract.js';
import { mongoHarness, mongoWireOrSkip } from './harnesses.js';

const server = await mongoWireOrSkip('attachment store contract');
if (server) {
  const { url } = server;
  attachmentContract(`GridFS on ${server.description}`, async () => ({
    ...(await mongoHarness(server)()),
    async blobs() {
      const client = await new MongoClient(url).connect();
      return { blobs: gridfsBlobs(() => client.db(), 'attachments'), close: () => client.close() };
    },
    // GridFS writes chunks first and the files entry last: a crash in between leaves a chunk.
    async tornWrite() {
      const client = await new MongoClient(url).connect();
      try {
        await client.db().collection('attachments.chunks').insertOne({ files_id: new ObjectId(), n: 0, data: new Binary(Buffer.from('half a pho')) });
      } finally {
        await client.close();
      }
    },
  }));
}
