/** Who should get what: pure ranking over a snapshot of agents and their loads. */
import type { AgentId, RoutingSettings, SiteId } from '@counter/shared';
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';
import { actorOf, inSite, siteScope } from '../access.js';
import { candidateTiers, type Tier } from './routing-order.js';

export interface Candidate {
  agent: AgentDoc;
  load: number;
}

/** Only staff of the conversation's site ever get it. */
export const worksFor = (agent: AgentDoc, siteId: SiteId) => inSite(actorOf(agent), siteId);

/** The sites a pool serves; null when someone in it (the owner) serves every site. */
export function poolSites(pool: Candidate[]): SiteId[] | null {
  const sites = new Set<SiteId>();
  for (const { agent } of pool) {
    const scope = siteScope(actorOf(agent));
    if (scope === null) return null;
    for (const id of scope) sites.add(id);
  }
  return [...sites];
}

/**
 * Least load first; ties to whoever has waited longest since their last assignment. Only
 * staff of `siteId` are candidates.
 */
export function rank(pool: Candidate[], exclude: readonly AgentId[], siteId: SiteId): Candidate[] {
  return pool
    .filter((c) => c.load < c.agent.capacity && !exclude.includes(c.agent._id) && worksFor(c.agent, siteId))
    .sort(
      (a, b) =>
        a.load - b.load ||
        a.agent.lastAssignedAt - b.agent.lastAssignedAt ||
        (a.agent._id < b.agent._id ? -1 : a.agent._id > b.agent._id ? 1 : 0),
    );
}

/**
 * Who should get each conversation of a batch: in queue order, each to the least-loaded
 * agent with room (ties to whoever waited longest), counting the batch's earlier picks.
 */
export function planBatch(
  queue: ConversationDoc[],
  pool: Candidate[],
  settings: ReadonlyMap<SiteId, RoutingSettings> = new Map(),
  now = 0,
): Map<Candidate, ConversationDoc[]> {
  const plan = new Map<Candidate, ConversationDoc[]>();
  const planned = pool.map((c) => ({ ...c }));
  const original = new Map(planned.map((p, i) => [p, pool[i]!]));
  let order = 0;
  for (const conversation of queue) {
    const siteSettings = settings.get(conversation.siteId);
    const best = siteSettings
      ? pickRouted(planned, conversation, siteSettings, now)
      : rank(planned, conversation.excludedAgentIds, conversation.siteId)[0];
    if (!best) continue;
    best.load += 1;
    // Later picks in this batch count as more recent assignments (the tie-break).
    best.agent = { ...best.agent, lastAssignedAt: Number.MAX_SAFE_INTEGER - 1_000_000 + ++order };
    const target = original.get(best)!;
    plan.set(target, [...(plan.get(target) ?? []), conversation]);
  }
  return plan;
}

/** Issue 14: the first tier of the site's routing order with someone free, least load first. */
function pickRouted(pool: Candidate[], conversation: ConversationDoc, settings: RoutingSettings, now: number): Candidate | undefined {
  const free = rank(pool, conversation.excludedAgentIds, conversation.siteId);
  return firstTierWithRoom(free, candidateTiers(settings, conversation, now))[0];
}

/** The ranked candidates (`free`, from rank()) of the first tier with anyone in it, in their order; [] when none. */
export function firstTierWithRoom(free: Candidate[], tiers: Tier[]): Candidate[] {
  for (const tier of tiers) {
    const cap = tier.capacity;
    const inTier = free.filter((c) => tier.accepts(c.agent._id) && (cap === null || c.load < cap));
    if (inTier.length) return inTier;
  }
  return [];
}
