/**
 * Mining resolved conversations for article candidates (issue 13, "closing the loop"): the
 * shopper's question and the person's answer that followed it, grouped across conversations
 * when their search keys mostly overlap. Pure: the mining service reads and stores.
 */
import type { MessageDoc } from '../../store/documents.js';
import { searchKeys } from '../search/tokenize.js';

export interface Pair {
  question: string;
  answer: string;
  at: number;
}

export interface Group {
  question: string;
  alternatives: string[];
  answer: string;
  /** Conversations it was asked in. */
  count: number;
  lastAt: number;
  keys: Set<string>;
}

/** Questions with fewer keys are greetings ("hi", "你好"), not something an article answers. */
const MIN_KEYS = 3;
/** Share of keys two wordings must share (Jaccard) to be one question. */
const SAME_QUESTION = 0.5;
const ALTERNATIVES_KEPT = 5;

/**
 * The first shopper question a person answered in one conversation: the shopper's text
 * messages up to the first agent text reply, joined, and that reply.
 */
export function firstAnswered(messages: readonly MessageDoc[]): Pair | null {
  const asked: string[] = [];
  for (const m of messages) {
    if (m.kind !== 'text') continue;
    if (m.author === 'visitor') asked.push(m.text.trim());
    else if (m.author === 'agent' && asked.length > 0) {
      const question = asked.join(' ').slice(0, 300);
      return searchKeys(question).length >= MIN_KEYS ? { question, answer: m.text, at: m.createdAt } : null;
    }
  }
  return null;
}

const overlap = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return shared / (a.size + b.size - shared);
};

/**
 * Greedy grouping, most recent pair first: each pair joins the first group whose first
 * wording it mostly shares keys with. Quadratic in groups, so callers bound the pairs.
 */
export function groupPairs(pairs: readonly Pair[]): Group[] {
  const groups: Group[] = [];
  for (const pair of [...pairs].sort((a, b) => b.at - a.at)) {
    const keys = new Set(searchKeys(pair.question));
    const group = groups.find((g) => overlap(g.keys, keys) >= SAME_QUESTION);
    if (!group) {
      groups.push({ question: pair.question, alternatives: [], answer: pair.answer, count: 1, lastAt: pair.at, keys });
      continue;
    }
    group.count++;
    const known = [group.question, ...group.alternatives].map((q) => q.toLowerCase());
    if (group.alternatives.length < ALTERNATIVES_KEPT && !known.includes(pair.question.toLowerCase())) group.alternatives.push(pair.question);
  }
  return groups.sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}
