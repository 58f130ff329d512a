import type { SiteId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { IdentityCheckDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

const HOUR_MS = 3600_000;

export interface IdentityCheckRepository {
  /** Counts one failed identity check of the site at `at`, with its reason. */
  fail(siteId: SiteId, at: number, reason: string): Promise<void>;
  /** Failures from `since` to `until` (hour resolution) and the latest one. */
  failures(siteId: SiteId, since: number, until: number): Promise<{ failed: number; last: { at: number; reason: string } | null }>;
  /** Forgets hours that ended before `cutoff`. */
  prune(cutoff: number): Promise<void>;
}

export async function identityCheckRepository(db: Database): Promise<IdentityCheckRepository> {
  const checks = await db.collection<IdentityCheckDoc>('identity_checks', [
    { name: 'site_hour', keys: { siteId: 1, hour: 1 } },
    { name: 'hour', keys: { hour: 1 } },
  ]);
  // No upsert in the collection API (FerretDB v1 has no atomic one either): increment, else
  // insert, and a racing insert falls back to the increment. A diagnostic count may lose an
  // increment on FerretDB v1 (non-atomic $inc); it never blocks the shopper.
  const bump = (_id: string, at: number, reason: string) =>
    checks.updateOne({ _id }, { $inc: { failed: 1 }, $max: { lastAt: at }, $set: { lastReason: reason } });
  return {
    async fail(siteId, at, reason) {
      const hour = at - (at % HOUR_MS);
      const _id = `${siteId}:${hour}`;
      if (await bump(_id, at, reason)) return;
      try {
        await checks.insertOne({ _id, siteId, hour, failed: 1, lastAt: at, lastReason: reason });
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
        await bump(_id, at, reason);
      }
    },
    async failures(siteId, since, until) {
      const hours = await checks.find({ siteId, hour: { $gt: since - HOUR_MS, $lte: until } }, { sort: { hour: 1 } });
      const latest = hours.at(-1);
      return {
        failed: hours.reduce((n, h) => n + h.failed, 0),
        last: latest ? { at: latest.lastAt, reason: latest.lastReason } : null,
      };
    },
    prune: async (cutoff) => {
      await checks.deleteMany({ hour: { $lt: cutoff - HOUR_MS } });
    },
  };
}
