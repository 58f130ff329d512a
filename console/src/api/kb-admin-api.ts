/**
 * The knowledge-base admin page's endpoints (issue 13), typed from the shared protocol; in the
 * page's lazy chunk, over the app's one HTTP client (its 401 handling included).
 */
import type { Article, ArticleBlock, ArticleCandidate, ArticleId, BotSettings, BotSummary, Locale, SiteId, UnansweredQuestion } from '@counter/shared';
import type { HttpClient } from './http-client.js';

export interface ArticleInput {
  title: string;
  body: string;
  locale: Locale;
  tags: string[];
  questions: string[];
}

const enc = encodeURIComponent;

export function kbAdminApi(request: HttpClient['request'], siteId: SiteId) {
  const site = `/api/v1/sites/${enc(siteId)}`;
  return {
    articles: () => request<{ articles: Article[] }>('GET', `${site}/articles`),
    create: (input: ArticleInput) => request<{ article: Article }>('POST', `${site}/articles`, input),
    update: (id: ArticleId, input: ArticleInput) => request<{ article: Article }>('PUT', `${site}/articles/${enc(id)}`, input),
    remove: (id: ArticleId) => request<null>('DELETE', `${site}/articles/${enc(id)}`),
    preview: (body: string) => request<{ blocks: ArticleBlock[] }>('POST', `${site}/articles/preview`, { body }),
    import: (format: 'csv' | 'markdown', text: string, locale: Locale) => request<{ imported: number }>('POST', `${site}/articles/import`, { format, text, locale }),
    settings: () => request<{ settings: BotSettings }>('GET', `${site}/bot`),
    saveSettings: (settings: BotSettings) => request<{ settings: BotSettings }>('PUT', `${site}/bot`, settings),
    summary: () => request<{ summary: BotSummary }>('GET', `${site}/bot/summary`),
    unanswered: () => request<{ questions: UnansweredQuestion[] }>('GET', `${site}/bot/unanswered`),
    candidates: () => request<{ candidates: ArticleCandidate[] }>('GET', `${site}/bot/candidates`),
    mine: () => request<{ candidates: ArticleCandidate[] }>('POST', `${site}/bot/candidates/mine`),
    dismiss: (id: string) => request<null>('DELETE', `${site}/bot/candidates/${enc(id)}`),
  };
}

export type KbAdminApi = ReturnType<typeof kbAdminApi>;
