/**
 * Response targets over time (issue 14, item 4), run by the routing sweep on every node:
 * a conversation whose shopper has waited past the site's lead time escalates by the site's
 * rule, and one past its target is recorded as a breach. Both happen once per wait however
 * many nodes sweep: each starts with an insert whose `_id` names the wait, and only the node
 * whose insert succeeded goes on.
 */
import { DEFAULT_TARGETS, dueOf, type AgentId, type Due, type ResponseTargets, type SiteId, type TargetEscalation } from '@counter/shared';
import type { AgentDoc, ConversationDoc } from '../../store/documents.js';
import { actorOf, supervises } from '../access.js';
import type { AgentPool } from '../routing/agent-pool.js';
import type { RoutingContext } from '../routing/context.js';
import type { Transitions } from '../routing/transitions.js';
import { escalationCandidates } from './escalation-candidates.js';
import { handOver } from './hand-over.js';
import { targetsOf } from './target-settings.js';

/** How late a sweep may come (every node down) and still escalate and record what it missed. */
const LATE_MS = 3600_000;
/** Conversations looked at per sweep, oldest wait first. */
const SCAN_LIMIT = 500;

const waitKey = (c: ConversationDoc, due: Due) => `${c._id}:${due.kind}:${due.since}`;

export class TargetWatch {
  /** Waits this node already saw escalated / recorded (by itself or another node): no write each sweep. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly deps: RoutingContext & { pool: AgentPool; transitions: Transitions; kick: () => void }) {}

  async sweep(): Promise<void> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const bySite = new Map((await store.sites.list()).map((s) => [s._id, targetsOf(s)]));
    const all = [DEFAULT_TARGETS, ...bySite.values()];
    const from = now - Math.max(...all.map(longestMs)) - LATE_MS;
    this.forgetBefore(from);
    const waiting = await store.targets.awaiting(from, now - Math.min(...all.map(earliestLeadMs)), SCAN_LIMIT);
    for (const conversation of waiting) {
      const targets = bySite.get(conversation.siteId) ?? DEFAULT_TARGETS;
      const due = dueOf(conversation, targets);
      if (!due) continue;
      const key = waitKey(conversation, due);
      if (now >= due.escalateAt && this.firstTime(`e:${key}`, due.since)) {
        if (await store.targets.claimEscalation({ _id: key, siteId: conversation.siteId, conversationId: conversation._id, at: now })) {
          await this.escalate(conversation, key, targets);
        }
      }
      if (now >= due.dueAt && this.firstTime(`b:${key}`, due.since)) {
        await store.targets.recordBreach({
          _id: key,
          siteId: conversation.siteId,
          conversationId: conversation._id,
          kind: due.kind,
          tier: due.tier,
          targetMs: due.targetMs,
          actualMs: now - due.since,
          at: due.dueAt,
          agentId: conversation.agentId,
        });
      }
    }
  }

  private firstTime(key: string, since: number): boolean {
    if (this.seen.has(key)) return false;
    this.seen.set(key, since);
    return true;
  }

  private forgetBefore(from: number): void {
    for (const [key, since] of this.seen) if (since < from) this.seen.delete(key);
  }

  /** This node won the wait's escalation. The conversation is read again: it may have been answered since the scan. */
  private async escalate(scanned: ConversationDoc, key: string, targets: ResponseTargets): Promise<void> {
    const { store, events } = this.deps;
    const conversation = await store.conversations.byId(scanned._id);
    const due = conversation && dueOf(conversation, targets);
    if (!conversation || !due || waitKey(conversation, due) !== key) return;
    const { action } = targets.escalation;
    const escalation: TargetEscalation = {
      conversationId: conversation._id,
      siteId: conversation.siteId,
      kind: due.kind,
      tier: due.tier,
      dueAt: due.dueAt,
      action,
      movedTo: null,
    };
    // Teams (issue 14): the site's routing settings keep it in the conversation's team first.
    const candidates = action === 'notify' ? [] : await this.candidates(conversation);
    if (action === 'move') escalation.movedTo = await this.move(conversation, candidates);
    if (action === 'offer') {
      const to = candidates.map((a) => a._id);
      if (to.length) events.publish({ type: 'target.offered', escalation, to });
    }
    events.publish({ type: 'target.escalated', escalation, to: await this.supervisorsOf(conversation.siteId) });
  }

  private async candidates(conversation: ConversationDoc): Promise<AgentDoc[]> {
    const [pool, settings] = await Promise.all([this.deps.pool.withLoads(), this.deps.store.routing.get(conversation.siteId)]);
    return escalationCandidates(conversation, pool, settings);
  }

  /** To the first candidate (its team's least-loaded free agent, else the site's); null when nobody is free (it stays where it is). */
  private async move(conversation: ConversationDoc, candidates: AgentDoc[]): Promise<AgentId | null> {
    const best = candidates[0];
    if (!best) return null;
    return (await handOver(this.deps, conversation, best)) === 'moved' ? best._id : null;
  }

  private async supervisorsOf(siteId: SiteId): Promise<AgentId[]> {
    const staff = await this.deps.store.agents.list();
    return staff.filter((a: AgentDoc) => a.active && supervises(actorOf(a), siteId)).map((a) => a._id);
  }
}

const longestMs = (t: ResponseTargets) =>
  1000 * Math.max(...[t.vip, t.standard].flatMap((x) => [x.firstSeconds, x.nextSeconds, x.asyncSeconds]));
const earliestLeadMs = (t: ResponseTargets) =>
  Math.floor((10 * Math.min(...[t.vip, t.standard].flatMap((x) => [x.firstSeconds, x.nextSeconds, x.asyncSeconds])) * t.escalation.atPercent));
