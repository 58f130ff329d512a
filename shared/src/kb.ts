/**
 * The knowledge base on the wire: articles, their body as a tiny document tree (parsed and
 * checked on the server, so no client ever renders article text as HTML) and search hits.
 */
import type { Brand, SiteId } from './ids.js';
import type { Locale } from './domain.js';

export type ArticleId = Brand<string, 'ArticleId'>;

/** Inline content: plain text, bold text, or a link whose URL the server checked (http(s) or mailto). */
export type ArticleInline =
  | { type: 'text'; text: string }
  | { type: 'bold'; text: string }
  | { type: 'link'; text: string; href: string };

export type ArticleBlock =
  | { type: 'paragraph'; content: ArticleInline[] }
  | { type: 'list'; ordered: boolean; items: ArticleInline[][] };

export interface Article {
  id: ArticleId;
  siteId: SiteId;
  title: string;
  /** The source, in the Markdown subset (paragraphs, **bold**, lists, [links](https://…)). */
  body: string;
  /** The body parsed: what clients render. */
  blocks: ArticleBlock[];
  locale: Locale;
  tags: string[];
  /** Other ways shoppers ask the same thing; searched like the title. */
  questions: string[];
  updatedAt: number;
}

/** A search result: enough to show a suggestion; the article itself is fetched when opened. */
export interface ArticleHit {
  id: ArticleId;
  title: string;
  locale: Locale;
  score: number;
}

/** One rejected row of an import: nothing of the file was stored. */
export interface ImportProblem {
  /** 1-based row (CSV, header excluded) or article (Markdown) number. */
  row: number;
  message: string;
}

/** off; only when no agent is online or the site is closed; or first in every conversation. */
export type BotMode = 'off' | 'no-agent' | 'always';

export interface BotSettings {
  mode: BotMode;
  /** Lowest search score the bot answers with (BM25, see the README's "Knowledge base and bot"). */
  threshold: number;
}

/**
 * The bot's honest figures for a site (issue 13, item 5): confirmed resolutions and
 * conversations where the shopper simply said nothing more are kept apart.
 */
export interface BotSummary {
  /** Conversations the bot answered in. */
  botConversations: number;
  /** The shopper pressed "yes, this answered my question". */
  confirmedResolved: number;
  /** The bot answered; the shopper neither confirmed nor asked for a person: not counted as resolved. */
  noReplyAssumed: number;
  /** The shopper said the answer did not help (and did not ask for a person). */
  notHelped: number;
  handedOff: number;
  /** Handoffs a person has answered, and the median wait from handoff to that reply. */
  answeredAfterHandoff: number;
  medianHandoffToReplySeconds: number | null;
  // ---- the came-back figure (issue 13 leftovers) ----
  /** Resolved by the bot: confirmed plus "no reply, assumed". */
  resolvedByBot: number;
  /** Of those, the shopper opened a new conversation within 72 hours: "resolved" was not. */
  cameBackWithin72h: number;
}

export interface UnansweredQuestion {
  text: string;
  count: number;
  lastAt: number;
}

// ---- mining resolved conversations (issue 13 leftovers) ----

/**
 * A question shoppers asked and people answered, found in resolved conversations and not yet
 * answered by an article: a suggestion waiting for an admin to turn it into one (or dismiss it).
 */
export interface ArticleCandidate {
  id: string;
  /** The question as one shopper wrote it. */
  question: string;
  /** Other shoppers' wordings of the same question (grouped by shared search keys). */
  alternatives: string[];
  /** What the agent answered the first of them. */
  answer: string;
  /** Conversations in which it was asked. */
  count: number;
  lastAt: number;
}
