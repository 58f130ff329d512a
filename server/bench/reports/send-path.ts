/**
 * What the report upkeep costs the send path (issue 15): every chat message updates its
 * conversation, and on the embedded store the report side table's triggers run on each such
 * update. Seeds generated conversations, then sends shopper messages and staff replies
 * through the conversations repository (the calls MessageLog makes), many at once as under
 * load, with the report triggers and without them (dropped), alternated three times each;
 * prints the process's CPU time (the writer thread's included) per conversation update.
 * No budget: the figure is for comparing designs. Run: pnpm bench:reports-send-path
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConversationId, SiteId } from '@counter/shared';
import { seedConversations } from '../../src/demo/seed-traffic.js';
import { trafficDocs } from '../../src/demo/traffic.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { createStore } from '../../src/store/store.js';

const MESSAGES = Number(process.env.MESSAGES ?? 10_000);
const CONCURRENT = 100;
const RUNS = 3;
const TRIGGERS = ['report_conversations__insert', 'report_conversations__update', 'report_conversations__rounds', 'report_conversations__delete'];

const dir = await mkdtemp(path.join(tmpdir(), 'counter-send-path-bench-'));
const db = await openEmbedded(dir, { fsync: false });
const store = await createStore(db);
/** The triggers as the engine created them, to drop and restore them between runs. */
const triggerSql = db.reportSql.all<{ sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${TRIGGERS.map(() => '?').join(', ')})`, TRIGGERS).map((r) => r.sql);
try {
  const docs = [...trafficDocs({ seed: 15, weeks: 1, perDay: 300, siteId: 'bench' as SiteId, end: Date.UTC(2026, 10, 30) })];
  await seedConversations(db, docs);
  const ids = docs.map((d) => d._id as ConversationId);
  let seq = 1_000;
  let at = Date.UTC(2026, 11, 1);

  /**
   * One message: a shopper line (changes no reported field: the trigger only checks) or a
   * staff reply that ends a wait (adds a round: the side row is rewritten).
   */
  async function send(i: number, kind: Kind): Promise<void> {
    const id = ids[i % ids.length]!;
    const now = at++;
    if (kind === 'shopper lines') await store.conversations.recordMessage(id, { seq: ++seq, at: now, preview: 'where is my parcel?', by: 'visitor', firstOfKind: false, waitedSince: now - 5_000, requestedAt: now - 60_000 });
    else await store.conversations.recordMessage(id, { seq: ++seq, at: now, preview: 'on its way', by: 'agent', firstOfKind: false, waitedSince: now - 5_000, requestedAt: now - 60_000 });
  }

  type Kind = 'shopper lines' | 'staff replies';
  async function measure(withUpkeep: boolean, kind: Kind): Promise<number> {
    for (const name of TRIGGERS) db.reportSql.exec(`DROP TRIGGER IF EXISTS ${name}`);
    if (withUpkeep) for (const sql of triggerSql) db.reportSql.exec(sql);
    const before = process.cpuUsage();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        while (next < MESSAGES) await send(next++, kind);
      }),
    );
    const cpu = process.cpuUsage(before);
    // Each recordMessage is one conversation update (conditional first-of-kind writes are skipped here).
    return (cpu.user + cpu.system) / MESSAGES;
  }

  const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  for (const kind of ['shopper lines', 'staff replies'] as const) {
    await measure(true, kind); // warm-up: statement caches, JIT
    const runs = { with: [] as number[], without: [] as number[] };
    for (let run = 0; run < RUNS; run++) {
      runs.without.push(await measure(false, kind));
      runs.with.push(await measure(true, kind));
    }
    const fmt = (r: number[]) => `median ${median(r).toFixed(0)} µs (runs ${r.map((x) => x.toFixed(0)).join(', ')})`;
    console.log(`${kind}: with report upkeep ${fmt(runs.with)}; triggers dropped ${fmt(runs.without)}; upkeep ${(median(runs.with) - median(runs.without)).toFixed(0)} µs CPU per conversation update`);
  }
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
