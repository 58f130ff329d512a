/** The semantic search tests' knowledge base and settings (issue 13, item 2). */
import { expect } from 'vitest';
import { ARTICLES } from '../../bench/kb/articles.js';
import type { Config } from '../../src/config.js';
import type { TestServer } from './test-server.js';

/** The sample knowledge base's Chinese half (15 articles), as one Markdown import. */
export const ZH = ARTICLES.filter((a) => a.locale === 'zh');
const markdown = ZH.map((a) => [`# ${a.title}`, 'locale: zh', `tags: ${a.tags.join(', ')}`, `questions: ${a.questions.join(' | ')}`, '', a.body].join('\n')).join('\n\n');
/** Says what the "damaged items" article says with none of its words or bigrams. */
export const PARAPHRASE = '寄过来的东西裂开了';
export const DAMAGED = '商品破损或质量问题';

export function embeddingsConfig(url: string, timeoutMs: number): Partial<Config> {
  return { embeddings: { url, model: 'multilingual-e5-small', timeoutMs, minSimilarity: 0.86, minMargin: 0.015 } };
}

export async function seed(server: TestServer): Promise<string> {
  const admin = (await server.agent({ role: 'admin', online: false })).cookie;
  const url = `/api/v1/sites/${server.site.id}`;
  const imported = await server.app.inject({ method: 'POST', url: `${url}/articles/import`, headers: { cookie: admin }, payload: { format: 'markdown', text: markdown } });
  expect(imported.json()).toEqual({ imported: ZH.length });
  const bot = await server.app.inject({ method: 'PUT', url: `${url}/bot`, headers: { cookie: admin }, payload: { mode: 'always', threshold: 2 } });
  expect(bot.statusCode).toBe(200);
  return admin;
}

