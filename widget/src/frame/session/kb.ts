/**
 * The knowledge base's commands for the shopper (issue 13), loaded with the panel: top
 * questions, suggestions while typing, an article, and the answers to the bot.
 */
import type { Ack, Article, ArticleHit, Locale } from '@counter/shared';
import type { Core } from './core';
import { TransportError, unwrap } from './transport';

export interface KbApi {
  top(locale: Locale): Promise<ArticleHit[]>;
  suggest(q: string): Promise<ArticleHit[]>;
  article(articleId: string): Promise<Article>;
  feedback(helped: boolean): Promise<void>;
  handoff(): Promise<void>;
}

/** These commands sit beside the chat's own (shared KbVisitor/BotVisitor events), outside Transport's map. */
type Request = (name: string, payload: object) => Promise<Ack<unknown>>;

export function kbApi(core: Core): KbApi {
  const request = async <T>(name: string, payload: object): Promise<T> => {
    const t = core.live();
    if (!t) throw new TransportError('offline');
    return unwrap(await (t.request as unknown as Request)(name, payload)) as T;
  };
  const conversationId = () => core.state().conversation?.id;
  return {
    top: async (locale) => (await request<{ hits: ArticleHit[] }>('kb:top', { locale })).hits,
    suggest: async (q) => (await request<{ hits: ArticleHit[] }>('kb:suggest', { q })).hits,
    article: async (articleId) => (await request<{ article: Article }>('kb:article', { articleId })).article,
    async feedback(helped) {
      const id = conversationId();
      if (id) await request('bot:feedback', { conversationId: id, helped });
    },
    async handoff() {
      const id = conversationId();
      if (id) await request('bot:handoff', { conversationId: id });
    },
  };
}
