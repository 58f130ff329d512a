/** The after-sales ledger, daily totals, audit and limits; written once for both adapters. */
import type { ActionKind, ActionLimits, ActionState, AgentId, SiteId } from '@counter/shared';
import type { Database, Filter, Update } from '../collection.js';
import type { ActionAuditDoc, ActionDoc, ActionLimitsDoc, SpendDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';

export interface ActionQuery {
  siteIds: readonly SiteId[] | null;
  agentId?: AgentId;
  kind?: ActionKind;
  from?: number;
  to?: number;
  limit: number;
}

export interface ActionLedger {
  /** false: the key exists already (nothing written). */
  insert(doc: ActionDoc): Promise<boolean>;
  byKey(key: string): Promise<ActionDoc | null>;
  /** Moves the action on only from one of `from`; null when it was elsewhere (someone else moved it). */
  transition(key: string, from: readonly ActionState[], set: Partial<ActionDoc>): Promise<ActionDoc | null>;
  inStates(states: readonly ActionState[], siteIds: readonly SiteId[] | null, limit: number): Promise<ActionDoc[]>;
}

export interface SpendCounters {
  /** Adds `amount` unless the total would pass `limit`; false: it would (nothing written). */
  reserve(counter: string, amount: number, limit: number, actionKey: string, at: number): Promise<boolean>;
  /** Adds with no cap: an action a supervisor approved above the limit still counts in the day. */
  add(counter: string, amount: number, actionKey: string, at: number): Promise<void>;
  /** Gives back a reservation (the action failed or never ran). */
  release(counter: string, amount: number, actionKey: string, at: number): Promise<void>;
  total(counter: string): Promise<number>;
}

export interface ActionAudit {
  append(entry: ActionAuditDoc): Promise<void>;
  /** Newest first. */
  list(query: ActionQuery): Promise<ActionAuditDoc[]>;
}

export interface ActionLimitsStore {
  get(siteId: SiteId): Promise<ActionLimitsDoc | null>;
  set(doc: ActionLimitsDoc): Promise<void>;
}

export interface AfterSalesRepository {
  ledger: ActionLedger;
  spend: SpendCounters;
  audit: ActionAudit;
  limits: ActionLimitsStore;
}

/** Lost races for one slot before giving up: far more than parallel requests of one agent. */
const MAX_SPEND_ATTEMPTS = 200;

export async function afterSalesRepository(db: Database): Promise<AfterSalesRepository> {
  const actions = await db.collection<ActionDoc>('order_actions', [
    { name: 'state', keys: { state: 1, updatedAt: 1 } },
    { name: 'site_created', keys: { siteId: 1, createdAt: -1 } },
  ]);
  const spend = await db.collection<SpendDoc>('action_spend', [{ name: 'counter_n', keys: { counter: 1, n: -1 } }]);
  const audit = await db.collection<ActionAuditDoc>('action_audit', [
    { name: 'site_at', keys: { siteId: 1, at: -1 } },
    { name: 'at', keys: { at: -1 } },
  ]);
  const limits = await db.collection<ActionLimitsDoc>('action_limits', []);

  const last = async (counter: string) => (await spend.find({ counter }, { sort: { n: -1 }, limit: 1 }))[0] ?? null;

  /** Appends one entry after the last; retries when another appended slot n first. */
  async function append(counter: string, amount: number, limit: number | null, actionKey: string, at: number): Promise<boolean> {
    for (let attempt = 0; attempt < MAX_SPEND_ATTEMPTS; attempt++) {
      const head = await last(counter);
      const total = (head?.total ?? 0) + amount;
      if (limit !== null && total > limit) return false;
      const n = (head?.n ?? 0) + 1;
      try {
        await spend.insertOne({ _id: `${counter}#${n}`, counter, n, amount, total, actionKey, at });
        return true;
      } catch (err) {
        if (!(err instanceof DuplicateKeyError)) throw err;
      }
    }
    throw new Error(`daily total ${counter}: too much contention`);
  }

  const queryFilter = (q: ActionQuery, at: string): Filter => {
    const filter: Filter = {};
    if (q.siteIds !== null) filter.siteId = { $in: [...q.siteIds] };
    if (q.agentId) filter.agentId = q.agentId;
    if (q.kind) filter.action = q.kind;
    const range: Record<string, number> = {};
    if (q.from !== undefined) range.$gte = q.from;
    if (q.to !== undefined) range.$lte = q.to;
    if (Object.keys(range).length) filter[at] = range;
    return filter;
  };

  return {
    ledger: {
      insert: async (doc) => {
        try {
          await actions.insertOne(doc);
          return true;
        } catch (err) {
          if (err instanceof DuplicateKeyError) return false;
          throw err;
        }
      },
      byKey: (key) => actions.findOne({ _id: key }),
      transition: (key, from, set) => actions.findOneAndUpdate({ _id: key, state: { $in: [...from] } }, { $set: set } as Update),
      inStates: (states, siteIds, limit) =>
        actions.find(
          { state: { $in: [...states] }, ...(siteIds === null ? {} : { siteId: { $in: [...siteIds] } }) },
          { sort: { createdAt: -1 }, limit },
        ),
    },
    spend: {
      reserve: (counter, amount, limit, actionKey, at) => append(counter, amount, limit, actionKey, at),
      add: async (counter, amount, actionKey, at) => {
        await append(counter, amount, null, actionKey, at);
      },
      release: async (counter, amount, actionKey, at) => {
        await append(counter, -amount, null, actionKey, at);
      },
      total: async (counter) => (await last(counter))?.total ?? 0,
    },
    audit: {
      append: (entry) => audit.insertOne(entry),
      list: (q) => audit.find(queryFilter(q, 'at'), { sort: { at: -1 }, limit: q.limit }),
    },
    limits: {
      get: (siteId) => limits.findOne({ _id: siteId }),
      set: async (doc) => {
        const matched = await limits.updateOne({ _id: doc._id }, { $set: { limits: doc.limits, updatedAt: doc.updatedAt, updatedBy: doc.updatedBy } });
        if (matched === 0) {
          try {
            await limits.insertOne(doc);
          } catch (err) {
            if (!(err instanceof DuplicateKeyError)) throw err;
            await limits.updateOne({ _id: doc._id }, { $set: { limits: doc.limits, updatedAt: doc.updatedAt, updatedBy: doc.updatedBy } });
          }
        }
      },
    },
  };
}
