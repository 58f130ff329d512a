import type { AgentId, ConversationId, ConversationStatus, Rating, SiteId, Tier, VisitorId } from '@counter/shared';
import type { Database, DocCollection, Filter, Update } from '../collection.js';
import type { ConversationDoc } from '../documents.js';
import { DuplicateKeyError } from '../errors.js';
import { afterPosition } from './messages.js';

const OPEN = { $in: ['waiting', 'assigned'] };

export interface MessageSummary {
  seq: number;
  at: number;
  preview: string | null;
  /** Who wrote it decides which unread counter moves and whether a reply is awaited. */
  by: 'visitor' | 'agent' | 'note' | 'system';
  /**
   * The caller's copy of the conversation says the once-only field this message may set
   * (awaitingReplySince for a shopper, firstResponseAt for an agent) is still empty: then it
   * is set, conditionally. When the copy says it is set, that extra write is skipped.
   */
  firstOfKind?: boolean;
  /** Reports: the shopper's wait this message may end (the caller's awaitingReplySince). */
  waitedSince?: number | null;
  /** Reports: written by the bot (`by` is then 'system'). */
  bot?: boolean;
  /** Reports: the caller's requestedAt, so the first response time is stored with it. */
  requestedAt?: number | null;
}

/** What routing stores on a conversation as it joins the queue (issue 14). */
export interface QueueRouting {
  queueRank: number;
  language: string | null;
  tier: Tier | null;
  lastAgentId: AgentId | null;
  /** issue 14 item 2: the cart's value when it was queued (rules with a minimum); absent: null. */
  value?: number | null;
}

/** A round's wait counts at most this much in the average reply time (issue 15). */
export const REPLY_WAIT_CAP_MS = 10 * 60_000;
/** A reopen this soon after the first resolution means it was not resolved (issue 15). */
export const REOPEN_WINDOW_MS = 72 * 3_600_000;

export interface ConversationRepository {
  /**
   * Throws DuplicateKeyError when the id exists or, for an open conversation, when its
   * visitor already has a current one (the unique `openKey`): one open conversation per
   * visitor is the store's rule, not a read before the write.
   */
  create(conversation: ConversationDoc): Promise<void>;
  byId(id: ConversationId): Promise<ConversationDoc | null>;
  /** The visitor's current (open) conversation: the one holding `openKey` = their id. */
  openForVisitor(visitorId: VisitorId): Promise<ConversationDoc | null>;
  listForVisitor(visitorId: VisitorId, limit: number): Promise<ConversationDoc[]>;
  byIds(ids: ConversationId[]): Promise<ConversationDoc[]>;

  /**
   * Puts a waiting conversation in the queue; null when it already is or is not waiting.
   * `routing` (issue 14): its place (queueRank, default `at`) and what routing reads.
   */
  enqueue(id: ConversationId, at: number, priority: number, routing?: QueueRouting): Promise<ConversationDoc | null>;
  /** Waiting conversations in queue order: by queueRank (the domain's order), then arrival; of `siteIds` only when given. */
  queue(limit: number, siteIds?: readonly SiteId[]): Promise<ConversationDoc[]>;
  queueLength(): Promise<number>;
  /** Assigned conversations, oldest assignment first (for repairs after a crash). */
  assigned(limit: number): Promise<ConversationDoc[]>;

  // The three writes below follow a change in the assignment ledger, which decides who may
  // make them; they do not re-check the state themselves.
  /** `firstSince`: the caller's copy was never assigned: the queue wait from then is kept (reports). */
  markAssigned(id: ConversationId, agentId: AgentId, agentName: string, at: number, firstSince?: number | null): Promise<ConversationDoc | null>;
  /** Back to waiting, queued at `queuedAt`, skipping `exclude` when routed again. */
  markWaiting(
    id: ConversationId,
    queuedAt: number | null,
    exclude: AgentId[],
    at: number,
    queueRank?: number | null,
  ): Promise<ConversationDoc | null>;
  /** `createdAt`: the conversation's, so the resolution time is kept with it (reports). */
  markResolved(id: ConversationId, at: number, createdAt?: number): Promise<ConversationDoc | null>;
  /** The agent's new name on those of `ids` they still hold; returns the renamed conversations. */
  renameAgent(ids: ConversationId[], agentId: AgentId, name: string): Promise<ConversationDoc[]>;
  /**
   * Resolved -> waiting (not queued), the visitor's current conversation again; null if it
   * was not resolved. DuplicateKeyError when the visitor has another open conversation.
   */
  reopen(
    conversation: Pick<ConversationDoc, '_id' | 'visitorId'> & Partial<Pick<ConversationDoc, 'resolvedAt' | 'firstResolvedAt'>>,
    at: number,
  ): Promise<ConversationDoc | null>;

  /** The first time the shopper asked for help (kept across requeues). */
  recordRequest(id: ConversationId, at: number, inHours?: boolean): Promise<void>;
  recordMessage(id: ConversationId, summary: MessageSummary): Promise<ConversationDoc | null>;
  markRead(id: ConversationId, side: 'agent' | 'visitor', seq: number): Promise<ConversationDoc | null>;
  setTags(id: ConversationId, tags: string[], at: number): Promise<ConversationDoc | null>;
  /** Routing (issue 14): the conversation's topic; null clears it. */
  setTopic(id: ConversationId, topic: string | null, at: number): Promise<ConversationDoc | null>;
  /**
   * Routing widened from stage `from` to `to` (issue 14); null when it is no longer waiting
   * or another node recorded it first, so the history says it once.
   */
  markWidened(id: ConversationId, from: number, to: number): Promise<ConversationDoc | null>;
  /** Null when not resolved or already rated (a rating is given once per resolution). */
  setRating(id: ConversationId, rating: Rating): Promise<ConversationDoc | null>;
  setOffline(id: ConversationId, email: string): Promise<ConversationDoc | null>;
  /**
   * Every conversation of `from` becomes `to`'s. `from`'s open one (the one this browser is
   * in now) becomes `to`'s current one, and `to`'s earlier open one stays open but no longer
   * current (agents still see and answer it).
   */
  moveToVisitor(from: VisitorId, to: VisitorId): Promise<number>;
  /** Empty conversations (no message) of these visitors: the visitor sweeper deletes them. */
  deleteEmptyForVisitors(visitorIds: VisitorId[]): Promise<number>;
  /** Which of these visitors have a conversation with at least one message. */
  visitorsWithMessages(visitorIds: VisitorId[]): Promise<Set<VisitorId>>;

  /** Assigned conversations whose shopper has waited for a reply since before `cutoff`. */
  unanswered(cutoff: number, limit: number): Promise<ConversationDoc[]>;
  recentlyResolved(limit: number): Promise<ConversationDoc[]>;
  recentlyAnswered(limit: number): Promise<ConversationDoc[]>;

  // ---- history and search (issue 16) ----
  /** Newest first (createdAt, then id): one page of the History list. */
  history(query: HistoryQuery): Promise<ConversationDoc[]>;
}

/** What the History page asks for, already scoped to what the caller may see. */
export interface HistoryQuery {
  /** The caller's sites; null: every site (the owner). */
  siteIds: readonly SiteId[] | null;
  /**
   * For an agent (not a supervisor) within those sites: only conversations waiting, held (or
   * held last) by them, or of the shoppers they serve now. Null: everything of the sites.
   */
  narrowTo: { agentId: AgentId; visitorIds: readonly VisitorId[] } | null;
  status?: ConversationStatus | undefined;
  siteId?: SiteId | undefined;
  agentId?: AgentId | undefined;
  tag?: string | undefined;
  score?: number | undefined;
  /** createdAt within [from, to]. */
  from?: number | undefined;
  to?: number | undefined;
  visitorIds?: readonly VisitorId[] | undefined;
  /** Only these (the conversations of the messages a search found). */
  ids?: readonly ConversationId[] | undefined;
  after: { at: number; id: string } | null;
  limit: number;
}

/** The filter of a HistoryQuery, built from validated values only. */
function historyFilter(q: HistoryQuery): Filter {
  const all: Filter[] = [];
  if (q.siteIds) all.push({ siteId: { $in: [...q.siteIds] } });
  if (q.narrowTo) {
    all.push({
      $or: [{ agentId: q.narrowTo.agentId }, { status: 'waiting' }, { visitorId: { $in: [...q.narrowTo.visitorIds] } }],
    });
  }
  if (q.status) all.push({ status: q.status });
  if (q.siteId) all.push({ siteId: q.siteId });
  if (q.agentId) all.push({ agentId: q.agentId });
  if (q.tag) all.push({ tags: { $all: [q.tag] } });
  if (q.score !== undefined) all.push({ 'rating.score': q.score });
  if (q.from !== undefined) all.push({ createdAt: { $gte: q.from } });
  if (q.to !== undefined) all.push({ createdAt: { $lte: q.to } });
  if (q.visitorIds) all.push({ visitorId: { $in: [...q.visitorIds] } });
  if (q.ids) all.push({ _id: { $in: [...q.ids] } });
  if (q.after) all.push(afterPosition(q.after, 'createdAt'));
  return all.length ? { $and: all } : {};
}

/**
 * Data written before `openKey` existed gets one: a resolved conversation its own id, the
 * newest open one of each visitor the visitor's id, any other open one its own id. Runs
 * before the unique index is created (which those documents would otherwise break); a
 * no-op lookup on every later start.
 */
async function backfillOpenKeys(conversations: DocCollection<ConversationDoc>): Promise<void> {
  for (;;) {
    const batch = await conversations.find({ openKey: null }, { limit: 500 });
    if (!batch.length) return;
    for (const c of batch) {
      let openKey: string = c._id;
      if (c.status !== 'resolved') {
        const newest = await conversations.findOne({ visitorId: c.visitorId, status: OPEN }, { sort: { createdAt: -1 } });
        if (newest?._id === c._id) openKey = c.visitorId;
      }
      await conversations.updateOne({ _id: c._id }, { $set: { openKey } });
    }
  }
}

export async function conversationRepository(db: Database): Promise<ConversationRepository> {
  const conversations = await db.collection<ConversationDoc>('conversations', [
    { name: 'visitor_created', keys: { visitorId: 1, createdAt: -1 } },
    { name: 'status_assigned', keys: { status: 1, assignedAt: 1 } },
    { name: 'queue', keys: { status: 1, priority: -1, queuedAt: 1 } },
    // Routing (issue 14): the queue's order is the domain's rank (tier head start, then arrival).
    { name: 'queue_rank', keys: { status: 1, queueRank: 1, queuedAt: 1 } },
    { name: 'awaiting', keys: { status: 1, awaitingReplySince: 1 } },
    { name: 'resolved', keys: { status: 1, resolvedAt: -1 } },
    { name: 'first_response', keys: { firstResponseAt: -1 } },
    // History (issue 16): the newest-first walk, and the tag filter.
    { name: 'created', keys: { createdAt: -1, _id: -1 } },
    { name: 'tags', keys: { tags: 1 }, multikey: true },
  ]);
  await backfillOpenKeys(conversations);
  // A sentinel every document carries (no partial or sparse index: FerretDB v1 and SQLite
  // treat those differently), unique on every backend: the visitor's id while it is their
  // current conversation, the conversation's own id otherwise.
  await db.collection<ConversationDoc>('conversations', [{ name: 'open_key', keys: { openKey: 1 }, unique: true }]);
  const inQueue = { status: 'waiting', queuedAt: { $ne: null } };

  return {
    create: (conversation) => conversations.insertOne(conversation),
    byId: (id) => conversations.findOne({ _id: id }),
    openForVisitor: (visitorId) => conversations.findOne({ openKey: visitorId }),
    listForVisitor: (visitorId, limit) => conversations.find({ visitorId }, { sort: { createdAt: -1 }, limit }),
    byIds: (ids) => (ids.length ? conversations.find({ _id: { $in: ids } }) : Promise.resolve([])),

    enqueue: (id, at, priority, routing) =>
      conversations.findOneAndUpdate(
        { _id: id, status: 'waiting', queuedAt: null },
        {
          $set: {
            queuedAt: at,
            priority,
            updatedAt: at,
            queueRank: routing?.queueRank ?? at,
            language: routing?.language ?? null,
            tier: routing?.tier ?? null,
            lastAgentId: routing?.lastAgentId ?? null,
            value: routing?.value ?? null,
            widened: 0,
          },
        },
      ),
    queue: (limit, siteIds) =>
      conversations.find(siteIds ? { ...inQueue, siteId: { $in: [...siteIds] } } : inQueue, {
        sort: { queueRank: 1, queuedAt: 1, _id: 1 },
        limit,
      }),
    queueLength: () => conversations.count(inQueue),
    assigned: (limit) => conversations.find({ status: 'assigned' }, { sort: { assignedAt: 1 }, limit }),

    markAssigned: (id, agentId, agentName, at, firstSince) =>
      conversations.findOneAndUpdate(
        { _id: id },
        {
          $set: {
            status: 'assigned',
            agentId,
            agentName,
            assignedAt: at,
            queuedAt: null,
            updatedAt: at,
            excludedAgentIds: [],
            ...(firstSince != null && { queueWaitMs: Math.max(at - firstSince, 0) }),
          },
          $min: { firstAssignedAt: at },
        },
      ),
    async renameAgent(ids, agentId, agentName) {
      if (!ids.length) return [];
      const held = { _id: { $in: ids }, agentId, status: 'assigned' };
      await conversations.updateMany(held, { $set: { agentName } });
      return conversations.find(held);
    },
    markWaiting: (id, queuedAt, exclude, at, queueRank) =>
      conversations.findOneAndUpdate(
        { _id: id },
        {
          $set: {
            queueRank: queueRank ?? queuedAt,
            status: 'waiting',
            agentId: null,
            agentName: null,
            assignedAt: null,
            queuedAt,
            updatedAt: at,
            excludedAgentIds: exclude,
          },
        },
      ),
    markResolved: (id, at, createdAt) =>
      conversations.findOneAndUpdate(
        { _id: id },
        {
          $set: {
            status: 'resolved',
            openKey: id,
            resolvedAt: at,
            queuedAt: null,
            awaitingReplySince: null,
            updatedAt: at,
            ...(createdAt !== undefined && { resolutionMs: Math.max(at - createdAt, 0) }),
          },
          $min: { firstResolvedAt: at },
        },
      ),
    reopen: ({ _id, visitorId, resolvedAt, firstResolvedAt }, at) =>
      conversations.findOneAndUpdate(
        { _id, status: 'resolved' },
        {
          $set: {
            status: 'waiting',
            openKey: visitorId,
            agentId: null,
            agentName: null,
            assignedAt: null,
            resolvedAt: null,
            queuedAt: null,
            rating: null,
            updatedAt: at,
            excludedAgentIds: [],
            reopenedAt: at,
            // Reports: the first resolution did not hold (a later reopen does not undo this).
            ...(at - (firstResolvedAt ?? resolvedAt ?? -Infinity) <= REOPEN_WINDOW_MS && { reopened72: true }),
          },
        },
      ),

    async recordRequest(id, at, inHours) {
      await conversations.updateOne({ _id: id, requestedAt: null }, { $set: { requestedAt: at, ...(inHours !== undefined && { inHours }) } });
    },
    async recordMessage(id, summary) {
      const update: Update = {
        $max: { lastSeq: summary.seq },
        $set: { updatedAt: summary.at },
      };
      if (summary.by === 'visitor' || summary.by === 'agent') {
        update.$set = { ...update.$set, lastMessageAt: summary.at, lastMessagePreview: summary.preview };
      }
      const firstOfKind = summary.firstOfKind ?? true;
      if (summary.by === 'visitor') {
        update.$inc = { unreadByAgent: 1 };
        // The oldest unanswered message counts: set only while nothing is awaited.
        if (firstOfKind) {
          await conversations.updateOne({ _id: id, awaitingReplySince: null }, { $set: { awaitingReplySince: summary.at } });
        }
      } else if (summary.by === 'agent') {
        update.$inc = { unreadByVisitor: 1 };
        update.$set = { ...update.$set, awaitingReplySince: null };
        // Reports: a reply that ends a wait closes a round, in this same write.
        if (summary.waitedSince != null) {
          update.$inc.replyRounds = 1;
          update.$inc.replyWaitSum = Math.min(Math.max(summary.at - summary.waitedSince, 0), REPLY_WAIT_CAP_MS);
        }
        if (firstOfKind) {
          const frt = summary.requestedAt != null ? { frtMs: Math.max(summary.at - summary.requestedAt, 0) } : {};
          await conversations.updateOne({ _id: id, firstResponseAt: null }, { $set: { firstResponseAt: summary.at, ...frt } });
        }
      }
      if (summary.bot) update.$set = { ...update.$set, botReplied: true };
      return conversations.findOneAndUpdate({ _id: id }, update);
    },
    markRead: (id, side, seq) =>
      conversations.findOneAndUpdate(
        { _id: id },
        side === 'agent'
          ? { $max: { agentReadSeq: seq }, $set: { unreadByAgent: 0 } }
          : { $max: { visitorReadSeq: seq }, $set: { unreadByVisitor: 0 } },
      ),
    setTags: (id, tags, at) => conversations.findOneAndUpdate({ _id: id }, { $set: { tags, updatedAt: at } }),
    setTopic: (id, topic, at) => conversations.findOneAndUpdate({ _id: id }, { $set: { topic, updatedAt: at } }),
    markWidened: (id, from, to) =>
      conversations.findOneAndUpdate({ _id: id, status: 'waiting', widened: from }, { $set: { widened: to } }),
    // One rating per resolution: the filter refuses a second one in the same write (no read-then-write).
    setRating: (id, rating) =>
      conversations.findOneAndUpdate({ _id: id, status: 'resolved', rating: null }, { $set: { rating, updatedAt: rating.at } }),
    setOffline: (id, email) => conversations.findOneAndUpdate({ _id: id }, { $set: { offline: true, contactEmail: email } }),
    async moveToVisitor(from, to) {
      const current = await conversations.findOne({ openKey: from });
      // Everything but the current one first: it keeps its own id as key, nothing can clash.
      let moved = await conversations.updateMany({ visitorId: from, openKey: { $ne: from } }, { $set: { visitorId: to } });
      if (!current) return moved;
      const earlier = await conversations.findOne({ openKey: to });
      if (earlier) await conversations.updateOne({ _id: earlier._id, openKey: to }, { $set: { openKey: earlier._id } });
      try {
        moved += await conversations.updateOne({ _id: current._id }, { $set: { visitorId: to, openKey: to } });
      } catch (err) {
        // `to` started a conversation meanwhile (another browser): that one stays current.
        if (!(err instanceof DuplicateKeyError)) throw err;
        moved += await conversations.updateOne({ _id: current._id }, { $set: { visitorId: to, openKey: current._id } });
      }
      return moved;
    },
    deleteEmptyForVisitors: (visitorIds) =>
      visitorIds.length ? conversations.deleteMany({ visitorId: { $in: visitorIds }, lastSeq: 0 }) : Promise.resolve(0),
    async visitorsWithMessages(visitorIds) {
      if (!visitorIds.length) return new Set();
      const found = await conversations.find({ visitorId: { $in: visitorIds }, lastSeq: { $gt: 0 } }, { projection: { visitorId: 1 } });
      return new Set(found.map((c) => c.visitorId));
    },

    unanswered: (cutoff, limit) =>
      conversations.find(
        { status: 'assigned', awaitingReplySince: { $ne: null, $lte: cutoff }, assignedAt: { $lte: cutoff } },
        { sort: { awaitingReplySince: 1 }, limit },
      ),
    recentlyResolved: (limit) =>
      conversations.find(
        { status: 'resolved', assignedAt: { $ne: null } },
        { sort: { resolvedAt: -1 }, limit, projection: { assignedAt: 1, resolvedAt: 1 } },
      ),
    recentlyAnswered: (limit) =>
      conversations.find(
        { firstResponseAt: { $ne: null }, requestedAt: { $ne: null } },
        { sort: { firstResponseAt: -1 }, limit, projection: { firstResponseAt: 1, requestedAt: 1 } },
      ),

    history: (query) => conversations.find(historyFilter(query), { sort: { createdAt: -1, _id: -1 }, limit: query.limit }),
  };
}
