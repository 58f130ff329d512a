import type { PageVisit, SiteId, VisitorId } from '@counter/shared';
import { LIMITS } from '@counter/shared';
import type { Database } from '../collection.js';
import type { IdentityDoc, VisitorDoc, VisitorTokenDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export type VisitorPatch = Partial<Omit<VisitorDoc, '_id' | 'siteId' | 'createdAt' | 'trail' | 'retained'>>;

/** What the expiry sweeper needs of a visitor. */
export type StaleVisitor = Pick<VisitorDoc, '_id' | 'siteId' | 'externalId'>;

export interface VisitorRepository {
  create(visitor: VisitorDoc): Promise<void>;
  byId(id: VisitorId): Promise<VisitorDoc | null>;
  byIds(ids: VisitorId[]): Promise<VisitorDoc[]>;
  update(id: VisitorId, patch: VisitorPatch): Promise<VisitorDoc | null>;
  /** Sets the current page and appends it to the trail, keeping the last pages only. */
  visitPage(id: VisitorId, page: PageVisit): Promise<VisitorDoc | null>;

  /** Sets lastSeenAt to `at` if it is older than `before` (at most one write a day per visitor). */
  touch(id: VisitorId, at: number, before: number): Promise<void>;
  /** Visitors not retained and not seen since `cutoff`, oldest first. */
  unseenSince(cutoff: number, limit: number): Promise<StaleVisitor[]>;
  markRetained(ids: VisitorId[]): Promise<void>;
  /**
   * Deletes the visitor if still unseen since `cutoff` and not retained (one conditional
   * write: a shopper who came back meanwhile stays), then its tokens and identity link.
   */
  deleteUnseen(visitor: StaleVisitor, cutoff: number): Promise<boolean>;

  addToken(token: VisitorTokenDoc): Promise<void>;
  tokenByHash(hash: string): Promise<VisitorTokenDoc | null>;
  deleteToken(hash: string): Promise<void>;

  /** The visitor already linked to this verified customer id, if any. */
  identity(siteId: SiteId, externalId: string): Promise<IdentityDoc | null>;
  /** Links the id to the visitor; returns the visitor that holds it (an earlier link wins). */
  linkIdentity(siteId: SiteId, externalId: string, visitorId: VisitorId): Promise<VisitorId>;
}

export async function visitorRepository(db: Database): Promise<VisitorRepository> {
  const visitors = await db.collection<VisitorDoc>('visitors', [
    { name: 'site_lastSeen', keys: { siteId: 1, lastSeenAt: -1 } },
    { name: 'retained_lastSeen', keys: { retained: 1, lastSeenAt: 1 } },
  ]);
  // Visitors stored before expiry existed: not known to be retained, the sweeper finds out.
  await visitors.updateMany({ retained: null }, { $set: { retained: false } });
  const tokens = await db.collection<VisitorTokenDoc>('visitor_tokens', [
    { name: 'visitor', keys: { visitorId: 1 } },
  ]);
  const identities = await db.collection<IdentityDoc>('visitor_identities', []);
  const identityId = (siteId: SiteId, externalId: string) => `${siteId}:${externalId}`;

  return {
    create: (visitor) => visitors.insertOne(visitor),
    byId: (id) => visitors.findOne({ _id: id }),
    byIds: (ids) => (ids.length ? visitors.find({ _id: { $in: ids } }) : Promise.resolve([])),
    update: (id, patch) => visitors.findOneAndUpdate({ _id: id }, { $set: patch }),
    async visitPage(id, page) {
      // Trimmed here rather than with $push/$slice, which FerretDB v1 ignores. Read-then-write:
      // the caller runs one visitor's page visits one at a time (VisitorService.setContext;
      // a shopper's tabs share one node, by sticky sessions).
      const visitor = await visitors.findOne({ _id: id });
      if (!visitor) return null;
      const last = visitor.trail.at(-1);
      const trail = last?.url === page.url ? visitor.trail : [...visitor.trail, page].slice(-LIMITS.trailLength);
      return visitors.findOneAndUpdate({ _id: id }, { $set: { currentPage: page, lastSeenAt: page.at, trail } });
    },

    async touch(id, at, before) {
      await visitors.updateOne({ _id: id, lastSeenAt: { $lt: before } }, { $set: { lastSeenAt: at } });
    },
    unseenSince: (cutoff, limit) =>
      visitors.find(
        { retained: false, lastSeenAt: { $lt: cutoff } },
        { sort: { lastSeenAt: 1 }, limit, projection: { _id: 1, siteId: 1, externalId: 1 } },
      ),
    async markRetained(ids) {
      if (ids.length) await visitors.updateMany({ _id: { $in: ids } }, { $set: { retained: true } });
    },
    async deleteUnseen(visitor, cutoff) {
      const deleted = await visitors.deleteOne({ _id: visitor._id, retained: false, lastSeenAt: { $lt: cutoff } });
      if (!deleted) return false;
      await tokens.deleteMany({ visitorId: visitor._id });
      if (visitor.externalId !== null) {
        await identities.deleteOne({ _id: identityId(visitor.siteId, visitor.externalId), visitorId: visitor._id });
      }
      return true;
    },

    addToken: (token) => tokens.insertOne(token),
    tokenByHash: (hash) => tokens.findOne({ _id: hash }),
    deleteToken: async (hash) => {
      await tokens.deleteOne({ _id: hash });
    },

    identity: (siteId, externalId) => identities.findOne({ _id: identityId(siteId, externalId) }),
    async linkIdentity(siteId, externalId, visitorId) {
      const _id = identityId(siteId, externalId);
      try {
        await identities.insertOne({ _id, siteId, visitorId });
        return visitorId;
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
        const existing = await identities.findOne({ _id });
        if (!existing) throw err;
        return existing.visitorId;
      }
    },
  };
}
