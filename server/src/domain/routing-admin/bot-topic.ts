/**
 * The bot as a topic source (issue 14 item 2): what it understood, mapped to one of the site's
 * topics by the settings, explicitly. An order question gets `orderTopic`; otherwise the first
 * `topicKeywords` entry with a keyword that is a tag of the article the bot answered with, or
 * that the shopper's words contain (Chinese or English, through the one tokenizer). Pure.
 */
import type { RoutingSettings } from '@counter/shared';
import { queryKeys, searchKeys } from '../search/tokenize.js';

export interface BotUnderstanding {
  /** What the shopper asked the bot, oldest first. */
  questions: readonly string[];
  /** Tags of the article the bot answered with, if any. */
  articleTags?: readonly string[];
  orderQuestion: boolean;
}

export function topicFromBot(settings: Pick<RoutingSettings, 'topics' | 'orderTopic' | 'topicKeywords'>, understood: BotUnderstanding): string | null {
  const known = (topic: string | null | undefined) => (topic && settings.topics.includes(topic) ? topic : null);
  if (understood.orderQuestion && known(settings.orderTopic)) return settings.orderTopic!;
  const tags = new Set((understood.articleTags ?? []).map((t) => t.normalize('NFKC').toLowerCase()));
  const words = new Set(understood.questions.flatMap((q) => searchKeys(q)));
  const said = (keyword: string) => {
    const keys = queryKeys(keyword);
    return keys.length > 0 && keys.every((k) => words.has(k));
  };
  const hit = (settings.topicKeywords ?? []).find(
    (entry) => known(entry.topic) && entry.keywords.some((k) => tags.has(k.normalize('NFKC').toLowerCase()) || said(k)),
  );
  return hit?.topic ?? null;
}
