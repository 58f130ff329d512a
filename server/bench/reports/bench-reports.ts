/**
 * pnpm bench:reports [--n 1000000] [--weeks 52] [--only embedded|mongodb] [--budget ms] [--data-dir dir]
 * Seeds n generated conversations (demo/traffic.ts) into the embedded store and into the
 * MongoDB-wire server the tests use (MONGODB_URL, else mongod, else FerretDB v1 on SQLite:
 * see server/test/support/mongo-wire.ts), then times every figure of the report for the last
 * 30 days (three runs; the best and the worst are printed). Exits 1 when a run takes over 1 s.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SiteId } from '@counter/shared';
import { computeFigures } from '../../src/domain/reports/figures.js';
import { seedConversations } from '../../src/demo/seed-traffic.js';
import { trafficDocs } from '../../src/demo/traffic.js';
import type { Database } from '../../src/store/collection.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { openMongo } from '../../src/store/mongo/open-mongo.js';
import type { ReportAccess } from '../../src/store/repositories/reports.js';
import { createStore } from '../../src/store/store.js';
import { startMongoWire } from '../../test/support/mongo-wire.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000000' },
    weeks: { type: 'string', default: '52' },
    only: { type: 'string' },
    budget: { type: 'string', default: '1000' },
    /** Embedded only: keep the store in this directory and reuse what an earlier run seeded there. */
    'data-dir': { type: 'string' },
  },
});
const n = Number(values.n);
const weeks = Number(values.weeks);
const budget = Number(values.budget);
const DAY = 86_400_000;
const end = Date.UTC(2026, 10, 30);
const siteId = 'bench' as SiteId;
// The rhythm averages about 1.07 per day and the sale day adds 5.5 days: per-day so the total is near n.
const perDay = n / (weeks * 7 * 1.07 + 5.5);

async function bench(label: string, db: Database & ReportAccess): Promise<number> {
  const store = await createStore(db);
  try {
    const seeded = performance.now();
    const stored = (await store.reports.group({ scope: { siteIds: [siteId], from: 0, to: end + DAY }, where: [], by: null }))[0]?.count ?? 0;
    const written = stored || (await seedConversations(db, trafficDocs({ seed: 15, weeks, perDay, siteId, end })));
    if (stored) console.log(`${label}: ${stored.toLocaleString('en')} conversations already seeded in --data-dir`);
    else console.log(`${label}: seeded ${written.toLocaleString('en')} conversations over ${weeks} weeks in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const times: number[] = [];
    // CPU time of this process per run: on a shared, loaded machine the wall time says more about
    // the neighbours than about the queries (the embedded store runs its SQL in this process).
    const cpus: number[] = [];
    let last;
    // The slowest store queries of one run, to see where the time goes.
    const slow: [string, number][] = [];
    // The measuring run serializes the store calls: each one's time is its own, not its neighbours'.
    let queue: Promise<unknown> = Promise.resolve();
    const timed = <A extends unknown[], R>(name: string, fn: (...a: A) => Promise<R>) => (...a: A): Promise<R> => {
      const next = queue.then(async () => {
        const t = performance.now();
        const r = await fn(...a);
        slow.push([`${name} ${JSON.stringify(a[0]).slice(0, 160)}`, performance.now() - t]);
        return r;
      });
      queue = next.catch(() => undefined);
      return next;
    };
    const engine = { counts: timed('counts', store.reports.counts), group: timed('group', store.reports.group), quantiles: timed('quantiles', store.reports.quantiles), page: store.reports.page };
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      last = await computeFigures({
        engine: run === 0 ? engine : store.reports,
        scope: { siteIds: [siteId], from: end - 30 * DAY, to: end },
        tz: 'Asia/Shanghai',
        agentName: async (id) => (id as string).replace('demo-agent-', ''),
        botRecords: async () => [],
      });
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
    }
    if (process.env.BENCH_VERBOSE) for (const [q, ms] of slow.sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.BENCH_VERBOSE) > 1 ? Number(process.env.BENCH_VERBOSE) : 6)) console.log(`  ${ms.toFixed(0)} ms ${q}`);
    const f = last!;
    console.log(
      `${label}: 30 days = ${f.conversations.toLocaleString('en')} conversations; FRT p50 ${f.firstResponse.p50} ms p90 ${f.firstResponse.p90} ms, ` +
        `within 3 min ${(f.firstResponse.within3m! * 100).toFixed(1)}%, reply avg ${Math.round(f.replyTime.avg!)} ms, resolution rate ${(f.resolutionRate! * 100).toFixed(1)}%, ` +
        `abandoned ${f.abandoned}, CSAT ${(f.csat.share! * 100).toFixed(1)}%, NPS ${f.nps.score?.toFixed(1)}, bot-only ${f.botOnly}, agents ${f.agents.length}, days ${f.trend.length}`,
    );
    console.log(`${label}: every figure, 30 days: best ${Math.min(...times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')}); CPU of this process ${cpus.map((t) => t.toFixed(0)).join(', ')} ms`);
    return Math.max(...times);
  } finally {
    await store.close();
  }
}

let failed = false;
if (values.only !== 'mongodb') {
  const dir = values['data-dir'] ?? (await mkdtemp(path.join(tmpdir(), 'counter-bench-reports-')));
  try {
    const worst = await bench('embedded (SQLite)', await openEmbedded(dir, { fsync: false }));
    if (worst > budget) failed = true;
  } finally {
    if (!values['data-dir']) await rm(dir, { recursive: true, force: true });
  }
}
if (values.only !== 'embedded') {
  const wire = await startMongoWire();
  if ('skipped' in wire) console.log(`mongodb: skipped (${wire.skipped})`);
  else {
    try {
      const worst = await bench(`mongodb (${wire.server.description})`, await openMongo(wire.server.url));
      if (worst > budget) failed = true;
    } finally {
      await wire.server.dispose();
    }
  }
}
if (failed) {
  console.error(`bench:reports: over the ${budget} ms budget`);
  process.exit(1);
}
