/**
 * Who may get a conversation of a site with routing settings (issue 14), in order; pure and
 * deterministic over the settings, the conversation and `now`:
 *
 * 1. the agent this shopper last talked to (within the site's lastAgentDays), if free;
 * 2. a verified VIP's dedicated agents: the VIP desk team;
 * 3. the team of the first matching rule, members with the rule's skills and the shopper's
 *    language (an agent with no languages listed answers in any), least load first;
 * 4. after the rule's wait, any agent of that team; after twice the wait, any agent of the site.
 *
 * Each step is a tier of candidates: the first tier with someone free wins, least load first.
 */
import type { AgentId, RoutingRule, RoutingSettings, Team } from '@counter/shared';
import type { ConversationDoc } from '../../store/documents.js';

/** A site without a matching rule widens after this long. */
export const DEFAULT_WAIT_SECONDS = 60;

export interface RoutingMember {
  agentId: AgentId;
  /** Room left under the agent's own capacity. */
  room: number;
  load: number;
}

/** A candidate filter with an optional capacity cap (a team's per-member capacity). */
export interface Tier {
  accepts: (agentId: AgentId) => boolean;
  capacity: number | null;
}

/** 0: matched only; 1: any agent of the team; 2: any agent of the site. */
export type Stage = 0 | 1 | 2;

export type RoutedConversation = Pick<
  ConversationDoc,
  'siteId' | 'priority' | 'queuedAt' | 'createdAt' | 'topic' | 'language' | 'tier' | 'lastAgentId' | 'value'
>;

export function matchRule(settings: RoutingSettings, c: RoutedConversation): RoutingRule | null {
  const tier = c.tier ?? (c.priority > 0 ? 'vip' : null);
  return (
    settings.rules.find(
      (r) =>
        (r.topic === null || r.topic === (c.topic ?? null)) &&
        (r.language === null || r.language === (c.language ?? null)) &&
        (r.tier === null || r.tier === tier) &&
        // issue 14 item 2: a minimum value; a conversation without a cart is worth nothing here.
        (r.minValue == null || (c.value ?? 0) >= r.minValue),
    ) ?? null
  );
}

const isVip = (c: RoutedConversation) => c.tier === 'vip' || c.priority > 0;

/** The team a conversation belongs to before widening to the site: its rule's, else a VIP's desk. */
export function primaryTeam(settings: RoutingSettings, c: RoutedConversation): Team | null {
  const rule = matchRule(settings, c);
  const id = rule?.teamId ?? (isVip(c) ? settings.vipTeamId : null);
  return settings.teams.find((t) => t.id === id) ?? null;
}

export function waitMs(settings: RoutingSettings, c: RoutedConversation): number {
  return (matchRule(settings, c)?.waitSeconds ?? DEFAULT_WAIT_SECONDS) * 1000;
}

export function stageOf(settings: RoutingSettings, c: RoutedConversation, now: number): Stage {
  const waited = now - (c.queuedAt ?? c.createdAt);
  const wait = waitMs(settings, c);
  return waited < wait ? 0 : waited < 2 * wait ? 1 : 2;
}

/** The tiers of candidates for this conversation now, most wanted first. */
export function candidateTiers(settings: RoutingSettings, c: RoutedConversation, now: number): Tier[] {
  const profiles = new Map(settings.agents.map((p) => [p.agentId, p]));
  const team = (id: string | null) => settings.teams.find((t) => t.id === id) ?? null;
  const inTeam = (t: Team): Tier => ({ accepts: (id) => t.members.includes(id), capacity: t.capacity });
  const speaks = (id: AgentId) => {
    const languages = profiles.get(id)?.languages ?? [];
    return !c.language || !languages.length || languages.includes(c.language);
  };
  const tiers: Tier[] = [];
  if (c.lastAgentId) {
    const last = c.lastAgentId;
    tiers.push({ accepts: (id) => id === last, capacity: null });
  }
  const desk = isVip(c) ? team(settings.vipTeamId) : null;
  if (desk) tiers.push(inTeam(desk));
  const rule = matchRule(settings, c);
  const ruleTeam = rule ? team(rule.teamId) : null;
  if (rule && ruleTeam) {
    const skilled = (id: AgentId) => {
      const skills = profiles.get(id)?.skills ?? [];
      return rule.skills.every((s) => skills.includes(s));
    };
    tiers.push({ accepts: (id) => ruleTeam.members.includes(id) && skilled(id) && speaks(id), capacity: ruleTeam.capacity });
  } else if (!desk) {
    // No team asked for: anyone of the site who speaks the shopper's language.
    tiers.push({ accepts: speaks, capacity: null });
  }
  const stage = stageOf(settings, c, now);
  const primary = primaryTeam(settings, c);
  if (stage >= 1 && primary) tiers.push(inTeam(primary));
  if (stage >= 2 || (stage >= 1 && !primary)) tiers.push({ accepts: () => true, capacity: null });
  return tiers;
}

/** What the history says when routing widens. */
export function widenedNote(settings: RoutingSettings, c: RoutedConversation, stage: Stage): string {
  const team = primaryTeam(settings, c);
  const seconds = Math.round(waitMs(settings, c) / 1000) * stage;
  return stage === 1 && team
    ? `Routing widened after ${seconds} s: any agent of the team "${team.name}" may take it now.`
    : `Routing widened after ${seconds} s: any agent of the site may take it now.`;
}
