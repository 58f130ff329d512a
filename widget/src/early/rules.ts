/**
 * When a proactive rule fires (issue 17, item 4): pure functions over what the page knows,
 * so they are tested without a browser. The rules come baked into widget.js?site=ID.
 */
import type { ProactiveRule } from '@counter/shared';

/** A visit ends after this long without a page view (the usual web-analytics session). */
export const VISIT_GAP_MS = 30 * 60_000;

/** What the early chunk keeps on the shop's origin, per site (URL-encoded pairs, like the loader's). */
export interface HelpMemory {
  /** Pages viewed in this visit, and when the last one was. */
  pages: number;
  lastPageAt: number;
  /** When a bubble last showed (any rule): the cap counts from here. */
  shownAt: number;
  /** Rules the shopper closed with ×: never shown again. */
  dismissed: string[];
}

export function readHelp(stored: string | undefined): HelpMemory {
  const p = new URLSearchParams(stored || '');
  return {
    pages: Number(p.get('v')) || 0,
    lastPageAt: Number(p.get('s')) || 0,
    shownAt: Number(p.get('a')) || 0,
    dismissed: (p.get('d') || '').split(',').filter(Boolean),
  };
}

export const writeHelp = (m: HelpMemory): string =>
  new URLSearchParams({ v: String(m.pages), s: String(m.lastPageAt), a: String(m.shownAt), d: m.dismissed.join(',') }) + '';

/** This page view counted: a new visit after VISIT_GAP_MS of nothing. */
export function countPage(m: HelpMemory, now: number): HelpMemory {
  return { ...m, pages: now - m.lastPageAt > VISIT_GAP_MS ? 1 : m.pages + 1, lastPageAt: now };
}

/** A pattern without `*` is a prefix of the path; with `*`, a glob over the whole path (+ query). */
export function urlMatches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return path.startsWith(pattern);
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(path);
}

/** What changes while the shopper is on the page. */
export interface Moment {
  now: number;
  /** When this page was loaded and when the shopper last moved, typed or scrolled. */
  pageAt: number;
  activeAt: number;
  path: string;
  cartTotal: number | undefined;
}

/** The first rule due now, or null. The cap and the conversation check come first (capHours). */
export function dueRule(rules: readonly ProactiveRule[], m: HelpMemory, at: Moment, capHours: number): ProactiveRule | null {
  if (at.now - m.shownAt < capHours * 3_600_000) return null;
  return (
    rules.find(
      (r) =>
        !m.dismissed.includes(r.id) &&
        at.now - at.pageAt >= r.seconds * 1000 &&
        (r.pages === undefined || m.pages >= r.pages) &&
        (r.url === undefined || urlMatches(r.url, at.path)) &&
        (r.cart === undefined || ((at.cartTotal ?? 0) >= r.cart.min && at.cartTotal !== undefined && at.now - at.activeAt >= r.cart.idle * 1000)),
    ) ?? null
  );
}
