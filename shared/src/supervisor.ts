/**
 * The supervisor live view and the peak early warning (issue 15 items 4-5): what the server
 * sends to supervisors, admins and the owner watching one site.
 */
import type { AgentId, ConversationId, SiteId } from './ids.js';
import type { AgentStatus, Millis } from './domain.js';
import type { BotMode } from './kb.js';

export interface SupervisedConversation {
  conversationId: ConversationId;
  agentId: AgentId | null;
  agentName: string | null;
  visitorName: string | null;
  preview: string | null;
  /** Queued since (waiting) or the shopper has awaited a reply since (held); null: answered. */
  waitingSince: Millis | null;
}

export interface SupervisedAgent {
  id: AgentId;
  name: string;
  status: AgentStatus;
  /** At least one console open. */
  connected: boolean;
  capacity: number;
  load: number;
  conversations: SupervisedConversation[];
}

export interface ForecastHour {
  /** The hour's start. */
  at: Millis;
  /** What the forecast said at the hour's start, from what was known then. */
  forecast: number;
  actual: number;
}

export interface PeakForecast {
  /** Expected arrivals in the next 60 minutes. */
  nextHour: number;
  /** The same hour of the week, mean of the weeks used; null without history. */
  baseline: number | null;
  /** Today's traffic against its baseline, as applied (clamped). */
  trend: number;
  /** Predicted wait of a shopper arriving now, seconds; null: nobody online to serve. */
  waitNowSeconds: number | null;
  /** The largest predicted wait within the horizon (two hours). */
  peakWaitSeconds: number | null;
  /** In how many minutes the predicted wait first exceeds the target; null: not within the horizon. */
  breachInMinutes: number | null;
  /** The site's target for a first reply, seconds. */
  targetSeconds: number;
  /** The last hours: forecast against what happened. */
  recentHours: ForecastHour[];
}

export type Mitigation = 'bot-first' | 'raise-capacity' | 'call-in';

export interface SupervisorView {
  siteId: SiteId;
  at: Millis;
  agents: SupervisedAgent[];
  queue: { length: number; oldestSince: Millis | null; items: SupervisedConversation[] };
  /** Held conversations whose shopper has waited longest for a reply, longest first. */
  atRisk: SupervisedConversation[];
  forecast: PeakForecast;
  /** Present while the predicted wait will exceed the target within the horizon. */
  warning: { breachInMinutes: number; peakWaitSeconds: number | null; targetSeconds: number } | null;
  botMode: BotMode;
  /** Agents of the site who are away or offline: who "call in" would reach. */
  awayAgents: number;
}

/** Sent to away agents of a site when a supervisor calls them in. */
export interface CallIn {
  siteId: SiteId;
  siteName: string;
  by: string;
}

// ---- at risk by target due times (issue 15 leftovers): interface merging ----
export interface SupervisedConversation {
  /**
   * When the shopper's wait misses its response target (shared/src/targets.ts dueOf, the site's
   * targets); the at-risk list is sorted by it, soonest (or already missed) first. Absent: no wait.
   */
  dueAt?: Millis | null;
}
