/** An article's tree as plain text for the composer: the agent edits it before sending. */
import type { Article, ArticleInline } from '@counter/shared';

const line = (nodes: ArticleInline[]) => nodes.map((n) => (n.type === 'link' ? `${n.text} (${n.href})` : n.text)).join('');

export function articleText(article: Pick<Article, 'blocks'>): string {
  return article.blocks
    .map((b) => (b.type === 'paragraph' ? line(b.content) : b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${line(item)}`).join('\n')))
    .join('\n\n');
}
