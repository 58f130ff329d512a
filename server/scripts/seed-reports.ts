/**
 * pnpm seed:reports [--weeks 4] [--per-day 120] [--seed 1] [--site demo]
 * Generates weeks of realistic conversations (server/src/demo/traffic.ts) into the store the
 * server would use: MONGODB_URL if set, else the embedded store in DATA_DIR (default ./data).
 * Stop the server first on the embedded store (one process per data folder).
 */
import { parseArgs } from 'node:util';
import type { SiteId } from '@counter/shared';
import { seedConversations } from '../src/demo/seed-traffic.js';
import { trafficDocs } from '../src/demo/traffic.js';
import { openEmbedded } from '../src/store/embedded/open-embedded.js';
import { openMongo } from '../src/store/mongo/open-mongo.js';
import { createStore } from '../src/store/store.js';

const { values } = parseArgs({
  options: {
    weeks: { type: 'string', default: '4' },
    'per-day': { type: 'string', default: '120' },
    seed: { type: 'string', default: '1' },
    site: { type: 'string', default: 'demo' },
  },
});

const db = process.env.MONGODB_URL ? await openMongo(process.env.MONGODB_URL) : await openEmbedded(process.env.DATA_DIR ?? 'data', { fsync: false });
const store = await createStore(db);
const started = performance.now();
const written = await seedConversations(
  db,
  trafficDocs({ seed: Number(values.seed), weeks: Number(values.weeks), perDay: Number(values['per-day']), siteId: values.site as SiteId }),
);
console.log(`seed:reports: ${written} conversations for site ${values.site} into ${db.kind} in ${Math.round(performance.now() - started)} ms`);
await store.close();
