/**
 * A history search by a key held by half of all messages (issue 9): the page of 20 through
 * the store (newest first over the (createdAt, id) index, embedded/newest-first.ts) against
 * the plain query the store ran before (every match fetched, then sorted), A/B alternated in
 * one process on one data folder, CPU time per page. Run: pnpm bench:common-key [MESSAGES=200000]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { messageSearchFields } from '../../src/domain/search/message-keys.js';
import { queryKeys } from '../../src/domain/search/tokenize.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { multikeyMatch } from '../../src/store/embedded/sql-query.js';
import { createStore } from '../../src/store/store.js';

const MESSAGES = Number(process.env.MESSAGES ?? 200_000);
const LIMIT = 20;
const ROUNDS = 3;

const dir = await mkdtemp(path.join(tmpdir(), 'counter-common-key-bench-'));
const db = await openEmbedded(dir);
const store = await createStore(db);
try {
  for (let done = 0; done < MESSAGES; ) {
    const docs = [];
    for (let k = 0; k < 20_000 && done < MESSAGES; k++, done++) {
      const text = done % 2 ? `where is my parcel, order ${done}` : `can I get a refund for ${done}`;
      docs.push({ _id: `m${String(done).padStart(9, '0')}`, conversationId: `c${Math.floor(done / 100)}`, seq: (done % 100) + 1, clientId: `k${done}`, author: 'visitor', agentId: null, authorName: null, kind: 'text', text, event: null, createdAt: 1_700_000_000_000 + done, ...messageSearchFields({ kind: 'text', text }) });
    }
    db.reportSql.insertDocs('messages', docs);
  }
  const keys = queryKeys('parcel');
  const { fts, match } = multikeyMatch('messages', 'searchKeys', keys);
  const cpuMs = (run: () => unknown) => {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const plain = () =>
    db.reportSql
      .all<{ doc: string }>(
        `SELECT doc FROM messages WHERE rowid IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?) AND json_extract(doc,'$.kind') IS NOT 'note' ORDER BY json_extract(doc,'$.createdAt') DESC, id DESC LIMIT ?`,
        [match, LIMIT],
      )
      .map((r) => JSON.parse(r.doc) as unknown);
  let page: unknown[] = [];
  const timed = async () => {
    const c0 = process.cpuUsage();
    page = await store.messages.search({ keys, withNotes: false, after: null, limit: LIMIT });
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  };
  const before: number[] = [];
  const after: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    before.push(cpuMs(plain));
    after.push(await timed());
  }
  const same = JSON.stringify(plain()) === JSON.stringify(page);
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
  console.log(`${MESSAGES} messages, key in half of them, page of ${LIMIT}, CPU ms per page (${ROUNDS} runs alternated):`);
  console.log(`  before (every match fetched, then sorted): ${fmt(before)}`);
  console.log(`  after (newest first, bounded window):      ${fmt(after)}`);
  console.log(`  same page: ${same}`);
  if (!same) process.exitCode = 1;
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
