/**
 * Wrong identity signatures must not fail silently (issue 10, item 16): each failure is
 * counted per site in the store (the admin page's notice, on every node alike) and logged,
 * at most one line per site per minute on each node so a flood of bad claims cannot flood
 * the log; the line says how many were left out since the last one.
 */
import type { IdentityCheckReport, IdentityRejection, SiteId } from '@counter/shared';
import type { Clock } from '../clock.js';
import type { Store } from '../../store/store.js';

const LOG_EVERY_MS = 60_000;
const REPORT_WINDOW_MS = 24 * 3600_000;
/** Hours older than the report window are pruned at most this often (per node). */
const PRUNE_EVERY_MS = 3600_000;

export interface IdentityFailureLog {
  warn(entry: { siteId: SiteId; reason: IdentityRejection; suppressed: number }, message: string): void;
}

export class IdentityFailures {
  private readonly lastLogged = new Map<SiteId, { at: number; suppressed: number }>();
  private prunedAt = 0;

  constructor(private readonly deps: { store: Pick<Store, 'identityChecks'>; clock: Clock; log: IdentityFailureLog }) {}

  async record(siteId: SiteId, reason: IdentityRejection): Promise<void> {
    const now = this.deps.clock.now();
    this.logLine(siteId, reason, now);
    await this.deps.store.identityChecks.fail(siteId, now, reason);
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await this.deps.store.identityChecks.prune(now - REPORT_WINDOW_MS);
    }
  }

  private logLine(siteId: SiteId, reason: IdentityRejection, now: number): void {
    const last = this.lastLogged.get(siteId);
    if (last && now - last.at < LOG_EVERY_MS) {
      last.suppressed++;
      return;
    }
    this.lastLogged.set(siteId, { at: now, suppressed: 0 });
    this.deps.log.warn({ siteId, reason, suppressed: last?.suppressed ?? 0 }, 'identity check failed (at most one line per site per minute)');
  }

  async report(siteId: SiteId): Promise<IdentityCheckReport> {
    const now = this.deps.clock.now();
    const { failed, last } = await this.deps.store.identityChecks.failures(siteId, now - REPORT_WINDOW_MS, now);
    return { failedLast24h: failed, lastFailure: last };
  }
}
