import type { SiteId, VisitorId } from '@counter/shared';
import type { Database } from '../collection.js';
import type { AuditDoc, OrderGrantDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

/** What Counter keeps about orders: never the orders (they stay in the shop), only who may see which. */
export interface OrderAccessRepository {
  /** Idempotent: a second lookup of the same order keeps the first grant. */
  grant(doc: OrderGrantDoc): Promise<void>;
  granted(visitorId: VisitorId, orderId: string): Promise<boolean>;
}

export interface AuditRepository {
  append(entry: AuditDoc): Promise<void>;
  /** Newest first; null: every site (the owner). */
  list(siteIds: readonly SiteId[] | null, limit: number): Promise<AuditDoc[]>;
}

export async function orderAccessRepository(db: Database): Promise<OrderAccessRepository> {
  const grants = await db.collection<OrderGrantDoc>('order_grants', [{ name: 'visitor', keys: { visitorId: 1 } }]);
  return {
    grant: async (doc) => {
      try {
        await grants.insertOne(doc);
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    },
    granted: async (visitorId, orderId) => (await grants.findOne({ _id: `${visitorId}:${orderId}` })) !== null,
  };
}

export async function auditRepository(db: Database): Promise<AuditRepository> {
  const audit = await db.collection<AuditDoc>('audit_log', [
    { name: 'site_at', keys: { siteId: 1, at: -1 } },
    { name: 'at', keys: { at: -1 } },
  ]);
  return {
    append: (entry) => audit.insertOne(entry),
    list: (siteIds, limit) =>
      audit.find(siteIds === null ? {} : { siteId: { $in: [...siteIds] } }, { sort: { at: -1 }, limit }),
  };
}
