/**
 * The History page (issue 16): every conversation the caller may see, filtered, newest first,
 * or those whose messages hold every token of a search, newest match first. Who sees what is
 * access.ts's rule, applied in the query: sites by membership; an agent (not a supervisor)
 * within them only what `canSee` lets them open (waiting, theirs, shoppers they serve now).
 * "Team" is no filter yet: teams do not exist (the routing issue).
 */
import type { HistoryItem, HistoryMatch, HistoryResultPage, SiteId, VisitorId } from '@counter/shared';
import type { historySearchQuery, z } from '@counter/shared/schemas';
import type { HistoryQuery } from '../../store/repositories/conversations.js';
import type { ConversationDoc, MessageDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import { siteScope, supervises, type Actor } from '../access.js';
import { queryKeys } from '../search/tokenize.js';
import { snippetOf } from '../search/snippet.js';
import { conversationView, visitorSummaryView } from '../views.js';
import { decodeCursor, encodeCursor, type Position } from './cursor.js';

export type HistoryInput = z.output<typeof historySearchQuery>;

/**
 * Matching messages read in the first round, doubling each round (every read sorts the
 * matches, so fewer, larger reads cost less when many belong to conversations the caller may
 * not see); at most 100 + 200 + 400 + 800 messages per page: a page's work stays bounded.
 */
const FIRST_BATCH = 100;
const MAX_ROUNDS = 4;
/** Matching lines shown per conversation. */
const MATCHES_SHOWN = 3;

type Filters = Omit<HistoryQuery, 'after' | 'limit' | 'ids'>;

export class HistoryService {
  constructor(private readonly deps: { store: Store }) {}

  async page(actor: Actor, input: HistoryInput): Promise<HistoryResultPage> {
    const filters = await this.filters(actor, input);
    const after = input.cursor ? decodeCursor(input.cursor) : null;
    const keys = input.q ? queryKeys(input.q) : [];
    return keys.length ? this.search(filters, keys, after, input.limit) : this.list(filters, after, input.limit);
  }

  private async list(filters: Filters, after: Position | null, limit: number): Promise<HistoryResultPage> {
    const found = await this.deps.store.conversations.history({ ...filters, after, limit: limit + 1 });
    const page = found.slice(0, limit);
    const last = page.at(-1);
    const items = await this.items(page.map((conversation) => ({ conversation, matches: [] })));
    return { items, cursor: found.length > limit && last ? encodeCursor({ at: last.createdAt, id: last._id }) : null };
  }

  private async search(filters: Filters, keys: string[], after: Position | null, limit: number): Promise<HistoryResultPage> {
    const { store } = this.deps;
    const results = new Map<string, { conversation: ConversationDoc; matches: HistoryMatch[] }>();
    let position = after;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const batch = FIRST_BATCH << round;
      // Staff only (this service has no shopper caller): notes are searched too.
      const messages = await store.messages.search({ keys, withNotes: true, after: position, limit: batch });
      const ids = [...new Set(messages.map((m) => m.conversationId))].filter((id) => !results.has(id));
      const visible = ids.length ? await store.conversations.history({ ...filters, ids, after: null, limit: ids.length }) : [];
      const byId = new Map(visible.map((c) => [c._id as string, c]));
      for (const message of messages) {
        const held = results.get(message.conversationId);
        const conversation = held?.conversation ?? byId.get(message.conversationId);
        if (conversation && !held && results.size >= limit) {
          return this.done(results, position);
        }
        position = { at: message.createdAt, id: message._id };
        if (!conversation) continue;
        const entry = held ?? { conversation, matches: [] };
        if (!held) results.set(conversation._id, entry);
        if (entry.matches.length < MATCHES_SHOWN) entry.matches.push(matchOf(message, keys));
      }
      if (messages.length < batch) return this.done(results, null);
    }
    return this.done(results, position);
  }

  private async done(
    results: Map<string, { conversation: ConversationDoc; matches: HistoryMatch[] }>,
    position: Position | null,
  ): Promise<HistoryResultPage> {
    return { items: await this.items([...results.values()]), cursor: position ? encodeCursor(position) : null };
  }

  private async items(rows: { conversation: ConversationDoc; matches: HistoryMatch[] }[]): Promise<HistoryItem[]> {
    const visitors = await this.deps.store.visitors.byIds([...new Set(rows.map((r) => r.conversation.visitorId))]);
    const byId = new Map(visitors.map((v) => [v._id, v]));
    return rows.map(({ conversation, matches }) => {
      const visitor = byId.get(conversation.visitorId);
      return { conversation: conversationView(conversation), visitor: visitor ? visitorSummaryView(visitor) : null, matches };
    });
  }

  /** The caller's scope (access.ts) and the page's filters, as one store query. */
  private async filters(actor: Actor, input: HistoryInput): Promise<Filters> {
    const { store } = this.deps;
    const siteIds = siteScope(actor);
    // Roles are per person, not per site: supervising one of their sites is supervising all.
    const supervisor = actor.role === 'owner' || (siteIds?.length ? supervises(actor, siteIds[0]!) : false);
    let narrowTo: Filters['narrowTo'] = null;
    if (!supervisor) {
      const held = await store.assignments.forAgent(actor.agentId);
      const serving = await store.conversations.byIds(held.map((a) => a._id));
      narrowTo = { agentId: actor.agentId, visitorIds: serving.map((c) => c.visitorId) };
    }
    return {
      siteIds,
      narrowTo,
      status: input.status,
      siteId: input.siteId,
      agentId: input.agentId,
      tag: input.tag,
      score: input.score,
      from: input.from,
      to: input.to,
      visitorIds: input.visitorId ? await this.sameCustomer(input.visitorId, siteIds) : undefined,
    };
  }

  /** The visitor, and the same verified customer (external id) on the other sites in scope. */
  private async sameCustomer(visitorId: VisitorId, siteIds: readonly SiteId[] | null): Promise<VisitorId[]> {
    const { store } = this.deps;
    const visitor = await store.visitors.byId(visitorId);
    if (!visitor?.externalId || !visitor.verified) return [visitorId];
    const sites = siteIds ?? (await store.sites.list()).map((s) => s._id);
    const links = await Promise.all(sites.map((siteId) => store.visitors.identity(siteId, visitor.externalId!)));
    return [...new Set([visitorId, ...links.flatMap((l) => (l ? [l.visitorId] : []))])];
  }
}

function matchOf(message: MessageDoc, keys: readonly string[]): HistoryMatch {
  return {
    messageId: message._id,
    seq: message.seq,
    kind: message.kind,
    author: message.author,
    createdAt: message.createdAt,
    ...snippetOf(message.text, keys),
  };
}
