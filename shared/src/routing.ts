/**
 * Routing to the right person (issue 14): a site's teams, its agents' skills and languages,
 * the topics a shopper chooses from and the rules mapping a conversation to a team.
 */
import type { AgentId, SiteId } from './ids.js';
import type { Tier } from './domain.js';

export interface Team {
  /** Short slug, unique within the site ("pre-sales"). */
  id: string;
  name: string;
  members: AgentId[];
  /** Conversations each member takes through this team; null: the agent's own capacity. */
  capacity: number | null;
}

/** What an agent brings to one site: skills (free words) and languages (BCP-47 primary tags). */
export interface AgentRoutingProfile {
  agentId: AgentId;
  skills: string[];
  languages: string[];
}

/** First matching rule wins; a null condition matches anything. */
export interface RoutingRule {
  topic: string | null;
  language: string | null;
  tier: Tier | null;
  teamId: string;
  skills: string[];
  /** Seconds before widening to any agent of the team, and as long again before any agent of the site. */
  waitSeconds: number;
}

export interface RoutingSettings {
  teams: Team[];
  agents: AgentRoutingProfile[];
  /** The short list a shopper picks from when the chat opens. */
  topics: string[];
  rules: RoutingRule[];
  /** The VIP desk: a verified VIP's dedicated agents. */
  vipTeamId: string | null;
  /** A returning shopper goes back to the agent they talked to within this many days (0: off). */
  lastAgentDays: number;
}

export interface SiteRoutingSettings extends RoutingSettings {
  siteId: SiteId;
}

/** How far a waiting conversation's routing has widened. */
export type RoutingStage = 'matched' | 'team' | 'site';

// ---- what a conversation needs (issue 14 item 2): topic sources and value ----
/** Words that make the bot's understanding a topic: a KB article tag or a word of the question. */
export interface TopicKeywords {
  topic: string;
  keywords: string[];
}
export interface RoutingRule {
  /** The rule matches only a conversation worth at least this much (cart total when queued); absent/null: any. */
  minValue?: number | null;
}
export interface RoutingSettings {
  /** The topic an order question gets when the bot recognises one (absent/null: none). */
  orderTopic?: string | null;
  /** Per topic, the KB tags and words that set it when the bot hands off (first match wins). */
  topicKeywords?: TopicKeywords[];
}
