/**
 * Search by a key held by most messages, on the embedded store (issue 9): the page is read
 * newest first from the (createdAt, id) index and stops there, instead of fetching and
 * sorting every match (~650 ms for a page at 200,000 messages). The pages must be exactly
 * what the plain query gives: checked against a sort in JS, with ties in createdAt, notes,
 * an insertion order unlike the time order, and matches that are all old (the bounded walk
 * gives up and the plain query answers).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationId, MessageId } from '@counter/shared';
import { messageSearchFields } from '../../src/domain/search/message-keys.js';
import { openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { COMMON_MATCHES, WINDOW } from '../../src/store/embedded/newest-first.js';
import type { SqlValue } from '../../src/store/embedded/sql-query.js';
import type { MessageDoc } from '../../src/store/documents.js';
import { createStore, type Store } from '../../src/store/store.js';
import { messageDoc } from '../support/fixtures.js';

const TOTAL = WINDOW + COMMON_MATCHES + 1000;
let store: Store;
let dir: string;
const statements: string[] = [];
const docs: MessageDoc[] = [];

/** Newest first by (createdAt, id), the order of search pages. */
const newest = (a: MessageDoc, b: MessageDoc) => b.createdAt - a.createdAt || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'counter-common-key-'));
  store = await createStore(await openEmbedded(dir, { onStatement: (sql: string, _p: readonly SqlValue[]) => void statements.push(sql) }));
  for (let i = 0; i < TOTAL; i++) {
    // "parcel" in two of three messages; "refund" only in the oldest COMMON_MATCHES + 500.
    // Inserted in an order unlike their time (rowids do not follow createdAt), times shared
    // by pairs (ids break the ties), every seventh a staff note.
    const j = (i * 7919) % TOTAL;
    const words = [j % 3 ? 'parcel' : 'hello', j < COMMON_MATCHES + 500 ? 'refund' : 'thanks'];
    const base = messageDoc({ conversationId: `c${j % 50}` as ConversationId, seq: j + 1, text: words.join(' '), createdAt: 1_000 + Math.floor(j / 2) });
    const doc: MessageDoc = { ...base, _id: `m${String(j).padStart(6, '0')}-${i % 3}` as MessageId, kind: j % 7 ? 'text' : 'note', ...messageSearchFields({ kind: 'text', text: base.text }) };
    docs.push(doc);
  }
  await Promise.all(docs.map((d) => store.messages.insert(d)));
}, 120_000);

afterAll(async () => {
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

async function allPages(keys: string[], withNotes: boolean, limit: number, pages: number): Promise<MessageDoc[]> {
  const out: MessageDoc[] = [];
  let after: { at: number; id: string } | null = null;
  for (let p = 0; p < pages; p++) {
    const page = await store.messages.search({ keys, withNotes, after, limit });
    out.push(...page);
    if (page.length < limit) break;
    after = { at: page.at(-1)!.createdAt, id: page.at(-1)!._id };
  }
  return out;
}

const expected = (word: string, withNotes: boolean) =>
  docs.filter((d) => d.text.split(' ').includes(word) && (withNotes || d.kind !== 'note')).sort(newest);

/** The plain translation: every match of the key fetched, then sorted. */
const fetchesEveryMatch = () => statements.some((s) => /rowid IN \(SELECT rowid FROM "messages__fts_searchKeys"/.test(s) && /ORDER BY/.test(s));

describe('search by a common key on the embedded store', () => {
  it('reads the newest page from the sorted index, not every match, and pages exactly', async () => {
    statements.length = 0;
    const got = await allPages(['parcel'], false, 20, 5);
    expect(got.map((d) => d._id)).toEqual(expected('parcel', false).slice(0, 100).map((d) => d._id));
    expect(fetchesEveryMatch()).toBe(false);
  });

  it('gives notes to staff only, in the same exact order', async () => {
    statements.length = 0;
    const got = await allPages(['parcel'], true, 50, 3);
    expect(got.map((d) => d._id)).toEqual(expected('parcel', true).slice(0, 150).map((d) => d._id));
    expect(got.some((d) => d.kind === 'note')).toBe(true);
    expect(fetchesEveryMatch()).toBe(false);
  });

  it('answers a common key whose matches are all old from the plain query (the walk is bounded)', async () => {
    statements.length = 0;
    const got = await allPages(['refund'], true, 20, 2);
    expect(got.map((d) => d._id)).toEqual(expected('refund', true).slice(0, 40).map((d) => d._id));
    expect(fetchesEveryMatch()).toBe(true);
  });

  it('keeps every key required', async () => {
    const got = await allPages(['parcel', 'refund'], true, 30, 2);
    const want = docs.filter((d) => d.text === 'parcel refund').sort(newest).slice(0, 60);
    expect(got.map((d) => d._id)).toEqual(want.map((d) => d._id));
  });
});
