/**
 * Canned replies: "/shortcut" in the composer, expanded with variables such as
 * {{visitor.name}}. A variable may carry its own fallback: {{visitor.name|friend}}.
 */
import type { CannedReply } from '@counter/shared';

export interface TemplateContext {
  visitor: { name: string | null; email: string | null } | null;
  agent: { name: string };
  product: { title: string } | null;
}

/** Used when a variable's value is unknown and the template gave no fallback. */
export const DEFAULT_FALLBACKS: Record<string, string> = {
  'visitor.name': 'there',
  'visitor.email': 'your email address',
  'product.title': 'this product',
  'agent.name': '',
};

const VARIABLE = /\{\{\s*([a-z]+\.[a-z]+)\s*(?:\|([^}]*))?\}\}/gi;

function lookup(ctx: TemplateContext, key: string): string | null | undefined {
  switch (key) {
    case 'visitor.name':
      return ctx.visitor?.name?.trim() || null;
    case 'visitor.email':
      return ctx.visitor?.email || null;
    case 'agent.name':
      return ctx.agent.name;
    case 'product.title':
      return ctx.product?.title || null;
    default:
      return undefined;
  }
}

export function expandTemplate(text: string, ctx: TemplateContext): string {
  return text.replace(VARIABLE, (whole, rawKey: string, fallback: string | undefined) => {
    const key = rawKey.toLowerCase();
    const value = lookup(ctx, key);
    // Unknown variables stay visible so the agent notices before sending.
    if (value === undefined) return whole;
    if (value) return value;
    return fallback !== undefined ? fallback.trim() : (DEFAULT_FALLBACKS[key] ?? '');
  });
}

export interface SlashToken {
  /** What follows the slash, lower-cased. */
  query: string;
  start: number;
  end: number;
}

/** The "/word" the caret is in, if it starts the text or follows whitespace. */
export function slashTokenAt(text: string, caret: number): SlashToken | null {
  let start = caret;
  while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
  if (text[start] !== '/') return null;
  let end = caret;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  const query = text.slice(start + 1, end);
  if (!/^[a-z0-9_-]*$/i.test(query)) return null;
  return { query: query.toLowerCase(), start, end };
}

/** Shortcut prefix matches first, then title matches; at most `limit`. */
export function matchCanned(replies: readonly CannedReply[], query: string, limit = 6): CannedReply[] {
  const q = query.toLowerCase();
  const byShortcut = replies.filter((r) => r.shortcut.startsWith(q)).sort((a, b) => a.shortcut.localeCompare(b.shortcut));
  const byTitle = q
    ? replies.filter((r) => !r.shortcut.startsWith(q) && r.title.toLowerCase().includes(q))
    : [];
  return [...byShortcut, ...byTitle].slice(0, limit);
}

/** Replaces the token with the expanded reply; returns the new text and caret. */
export function insertCanned(text: string, token: SlashToken, expansion: string): { text: string; caret: number } {
  const before = text.slice(0, token.start);
  const after = text.slice(token.end);
  return { text: before + expansion + after, caret: before.length + expansion.length };
}
