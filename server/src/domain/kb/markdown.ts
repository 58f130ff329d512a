/**
 * The Markdown subset of article bodies, parsed to a tiny tree that clients render as
 * elements (never as HTML): paragraphs, **bold**, lists (- item, 1. item), [links](https://…),
 * and `#` headings, kept as bold paragraphs. Anything else is text, shown as written.
 *
 * Ours, not a Markdown library: a library produces HTML that would then need sanitising on
 * the server and trusting on both clients; this produces only the five node kinds the
 * clients know, so there is nothing to sanitise. Links keep only http(s) and mailto URLs.
 */
import type { ArticleBlock, ArticleInline } from '@counter/shared';

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
/** **bold** or [label](url), left to right. */
const INLINE = /\*\*([^*]+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null; // Not a URL at all: the label is shown as text.
  }
}

export function parseInline(text: string): ArticleInline[] {
  const out: ArticleInline[] = [];
  const push = (node: ArticleInline) => {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else if (node.text) out.push(node);
  };
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    push({ type: 'text', text: text.slice(at, match.index) });
    const [, bold, label, url] = match;
    if (bold !== undefined) push({ type: 'bold', text: bold });
    else {
      const href = safeHref(url!);
      push(href ? { type: 'link', text: label!, href } : { type: 'text', text: label! });
    }
    at = match.index + match[0].length;
  }
  push({ type: 'text', text: text.slice(at) });
  return out;
}

function listOf(lines: string[]): ArticleBlock | null {
  for (const [pattern, ordered] of [[BULLET, false], [NUMBERED, true]] as const) {
    const items = lines.map((line) => pattern.exec(line)?.[1]);
    if (items.every((item) => item !== undefined)) return { type: 'list', ordered, items: items.map((i) => parseInline(i!)) };
  }
  return null;
}

export function parseArticleBody(source: string): ArticleBlock[] {
  const blocks: ArticleBlock[] = [];
  for (const chunk of source.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    const list = listOf(lines);
    if (list) {
      blocks.push(list);
      continue;
    }
    const heading = lines.length === 1 ? HEADING.exec(lines[0]!) : null;
    if (heading) {
      blocks.push({ type: 'paragraph', content: [{ type: 'bold', text: heading[1]! }] });
      continue;
    }
    blocks.push({ type: 'paragraph', content: parseInline(lines.map((l) => l.trim()).join('\n')) });
  }
  return blocks;
}

/** The body as plain words, for the search index and for a bot's one-line summary. */
export function plainText(blocks: ArticleBlock[]): string {
  const line = (inlines: ArticleInline[]) => inlines.map((i) => i.text).join('');
  return blocks
    .map((b) => (b.type === 'paragraph' ? line(b.content) : b.items.map(line).join('\n')))
    .join('\n\n');
}
