/**
 * An article's tree (parsed and checked by the server) as elements: no article text is ever
 * HTML. Shared by the widget (the shopper reads an article) and the console (the editor's
 * preview), so both show an article the same way; written with `h` so shared needs no JSX setup.
 */
import type { ArticleBlock, ArticleInline } from '../kb.js';
import { Fragment, h } from 'preact';

function inline(node: ArticleInline, key: number) {
  if (node.type === 'bold') return h('strong', { key }, node.text);
  if (node.type === 'link') return h('a', { key, href: node.href, target: '_blank', rel: 'noopener noreferrer' }, node.text);
  return h(Fragment, { key }, node.text);
}

const line = (nodes: ArticleInline[]) => nodes.map(inline);

export function ArticleBody({ blocks }: { blocks: ArticleBlock[] }) {
  return h(
    Fragment,
    null,
    blocks.map((block, i) => {
      if (block.type === 'paragraph') return h('p', { key: i }, line(block.content));
      const items = block.items.map((item, j) => h('li', { key: j }, line(item)));
      return h(block.ordered ? 'ol' : 'ul', { key: i }, items);
    }),
  );
}
