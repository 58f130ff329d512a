/** Knowledge-base REST bodies and views (issue 13). */
import { z } from 'zod';
import { ID_PATTERN } from '../ids.js';
import type { Article, ArticleBlock, ArticleHit, ArticleInline } from '../kb.js';
import * as c from './common.js';

export const KB_LIMITS = {
  titleLength: 200,
  bodyLength: 20_000,
  tags: 20,
  tagLength: 40,
  questions: 30,
  questionLength: 300,
  /** Characters of one import file (CSV or Markdown); its route takes a larger body than the default. */
  importLength: 1_000_000,
  importBytes: 4 * 1024 * 1024,
  /** Characters of a search query (a shopper's half-typed message). */
  queryLength: 500,
} as const;

export const articleId = z.string().regex(ID_PATTERN, 'must be an id').brand<'ArticleId'>();

const tag = c.label(KB_LIMITS.tagLength);
const question = c.label(KB_LIMITS.questionLength);

/** What an editor sends; the body is parsed (and its links checked) by the server. */
export const articleBody = z.object({
  title: c.label(KB_LIMITS.titleLength),
  body: c.text(KB_LIMITS.bodyLength),
  locale: c.locale,
  tags: z.array(tag).max(KB_LIMITS.tags).default([]).transform((t) => [...new Set(t)]),
  questions: z.array(question).max(KB_LIMITS.questions).default([]).transform((q) => [...new Set(q)]),
});

export const siteArticlesParams = z.object({ id: c.siteId });
export const siteArticleParams = z.object({ id: c.siteId, articleId });

export const importBody = z.object({
  format: z.enum(['csv', 'markdown']),
  text: z.string().min(1).max(KB_LIMITS.importLength),
  /** Articles without their own locale column or line get this one. */
  locale: c.locale.default('en'),
});

export const searchQuery = z.object({
  q: c.plainLine(KB_LIMITS.queryLength),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

const inline: z.ZodType<ArticleInline> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({ type: z.literal('bold'), text: z.string() }),
  z.object({ type: z.literal('link'), text: z.string(), href: z.string() }),
]);
const block: z.ZodType<ArticleBlock> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: z.array(inline) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(inline)) }),
]);

export const articleView: z.ZodType<Article> = z.object({
  id: articleId,
  siteId: c.siteId,
  title: z.string(),
  body: z.string(),
  blocks: z.array(block),
  locale: c.locale,
  tags: z.array(z.string()),
  questions: z.array(z.string()),
  updatedAt: z.number(),
});
export const articleHitView: z.ZodType<ArticleHit> = z.object({
  id: articleId,
  title: z.string(),
  locale: c.locale,
  score: z.number(),
});

export const articleResponse = z.object({ article: articleView });
export const articlesResponse = z.object({ articles: z.array(articleView) });
export const articleHitsResponse = z.object({ hits: z.array(articleHitView) });
export const importResponse = z.object({ imported: z.number().int() });

/** Shopper commands on /visitor: the site is the socket's own, never a payload field. */
export const kbVisitorSchemas = {
  /** Suggestions while typing, before anything is sent. */
  'kb:suggest': z.object({ q: c.plainLine(KB_LIMITS.queryLength), limit: z.int().min(1).max(5).default(3) }),
  /** One article, to read inside the chat. */
  'kb:article': z.object({ articleId }),
  /** The site's most-read articles in a language ("Popular questions" / 猜你想问). */
  'kb:top': z.object({ locale: c.locale, limit: z.int().min(1).max(8).default(5) }),
};
export type KbVisitorSchemas = typeof kbVisitorSchemas;

export const botSettingsBody = z.object({
  mode: z.enum(['off', 'no-agent', 'always']),
  threshold: z.number().min(0).max(1000),
});
export const botSettingsResponse = z.object({ settings: botSettingsBody });
export const botSummaryResponse = z.object({
  summary: z.object({
    botConversations: z.int(),
    confirmedResolved: z.int(),
    noReplyAssumed: z.int(),
    notHelped: z.int(),
    handedOff: z.int(),
    answeredAfterHandoff: z.int(),
    medianHandoffToReplySeconds: z.number().nullable(),
    // ---- the came-back figure (issue 13 leftovers) ----
    resolvedByBot: z.int(),
    cameBackWithin72h: z.int(),
  }),
});
export const unansweredResponse = z.object({
  questions: z.array(z.object({ text: z.string(), count: z.int(), lastAt: z.number() })),
});

/** The shopper's answers to the bot, on /visitor. */
export const botVisitorSchemas = {
  'bot:feedback': z.object({ conversationId: c.conversationId, helped: z.boolean() }),
  'bot:handoff': z.object({ conversationId: c.conversationId }),
};
export type BotVisitorSchemas = typeof botVisitorSchemas;

// ---- mining resolved conversations (issue 13 leftovers) ----
export const candidateParams = z.object({ id: c.siteId, candidateId: z.string().min(1).max(200).regex(/^[\w:-]+$/) });
export const candidatesResponse = z.object({
  candidates: z.array(
    z.object({ id: z.string(), question: z.string(), alternatives: z.array(z.string()), answer: z.string(), count: z.int(), lastAt: z.number() }),
  ),
});
/** The editor's preview: the body parsed exactly as a saved article's would be. */
export const articlePreviewBody = z.object({ body: z.string().max(KB_LIMITS.bodyLength) });
export const articlePreviewResponse = z.object({ blocks: z.array(block) });
