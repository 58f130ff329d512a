/**
 * Writes generated traffic (demo/traffic.ts) into a store in bulk: a transaction of a few
 * thousand documents at a time on the embedded store, unordered insertMany on MongoDB. For
 * seeding an empty range only (demo, tests, benchmarks): it skips the chat's write path.
 */
import type { Database } from '../store/collection.js';
import type { ConversationDoc } from '../store/documents.js';
import type { ReportAccess } from '../store/repositories/reports.js';

const BATCH = 5_000;

export async function seedConversations(db: Database & ReportAccess, docs: Iterable<ConversationDoc>): Promise<number> {
  let batch: ConversationDoc[] = [];
  let written = 0;
  const flush = async () => {
    if (!batch.length) return;
    if (db.reportSql) db.reportSql.insertDocs('conversations', batch);
    else if (db.reportMongo) await db.reportMongo().collection<ConversationDoc>('conversations').insertMany(batch, { ordered: false });
    else throw new Error(`seeding: the ${db.kind} database offers no bulk insert`);
    written += batch.length;
    batch = [];
  };
  for (const doc of docs) {
    batch.push(doc);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return written;
}
