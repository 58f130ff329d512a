/**
 * DEMO=true: the demo site gets four weeks of generated traffic once (demo/traffic.ts), so
 * the reports page has something to show on a fresh install. Written through the
 * repository (a couple of thousand documents); skipped when the site has any report data.
 */
import type { SiteId } from '@counter/shared';
import type { Store } from '../store/store.js';
import { generateTraffic } from './traffic.js';

const WEEKS = 4;
const IN_FLIGHT = 200;

export async function seedDemoTraffic(store: Store, siteId: SiteId, now: number): Promise<number> {
  const scope = { siteIds: [siteId], from: now - (WEEKS + 1) * 7 * 86_400_000, to: now + 1 };
  const existing = await store.reports.group({ scope, where: [], by: null });
  if ((existing[0]?.count ?? 0) > 0) return 0;
  const docs = generateTraffic({ seed: 15, weeks: WEEKS, perDay: 60, siteId, end: Math.floor(now / 3_600_000) * 3_600_000 });
  for (let i = 0; i < docs.length; i += IN_FLIGHT) {
    await Promise.all(docs.slice(i, i + IN_FLIGHT).map((doc) => store.conversations.create(doc)));
  }
  return docs.length;
}
