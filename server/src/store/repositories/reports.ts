/**
 * Reports (issue 15): the store computes the figures (see store/reports/engine.ts). The
 * embedded store answers from a side table kept by triggers; MongoDB from its own indexes.
 */
import type { Db } from 'mongodb';
import type { Database } from '../collection.js';
import type { ReportEngine } from '../reports/engine.js';
import { mongoReportEngine } from '../reports/mongo-report-engine.js';
import { sqliteReportEngine, type SqlAccess } from '../reports/sqlite-report-engine.js';

export type ReportsRepository = ReportEngine;

/** What a backend offers reports beyond the collection API (set by openEmbedded / openMongo). */
export interface ReportAccess {
  reportSql?: SqlAccess;
  reportMongo?: () => Db;
}

export async function reportsRepository(db: Database & ReportAccess): Promise<ReportsRepository> {
  if (db.reportSql) return sqliteReportEngine(db.reportSql);
  if (db.reportMongo) {
    // The report's range scans: by site and creation, and by site and resolution.
    await db.collection('conversations', [
      // Same name and keys as the arrivals repository's (issue 15 forecast): one index for both.
      { name: 'site_created', keys: { siteId: 1, createdAt: 1 } },
      { name: 'report_site_resolved', keys: { siteId: 1, resolvedAt: 1 } },
    ]);
    return mongoReportEngine(db.reportMongo);
  }
  throw new Error(`reports: the ${db.kind} database offers no report engine`);
}
