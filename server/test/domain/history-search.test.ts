/**
 * The History search loop over a real (embedded) store: pages are filled past matches the
 * caller may not see, a conversation is one result however many of its messages match, and
 * the cursor walks every visible match once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AgentId, SiteId } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/access.js';
import { HistoryService, type HistoryInput } from '../../src/domain/history/history-service.js';
import { messageSearchFields } from '../../src/domain/search/message-keys.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { conversationDoc, messageDoc, newTestId } from '../support/fixtures.js';

let dir: string;
let store: Store;
let history: HistoryService;
const siteA = newTestId() as SiteId;
const siteB = newTestId() as SiteId;
const supervisorOfA: Actor = { agentId: newTestId() as AgentId, role: 'supervisor', siteIds: [siteA] };
const input = (over: Partial<HistoryInput>): HistoryInput => ({ limit: 20, ...over });

async function say(conversationId: string, seq: number, text: string, at: number) {
  const doc = messageDoc({ conversationId: conversationId as never, seq, text, createdAt: at });
  await store.messages.insert({ ...doc, ...messageSearchFields(doc) });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'counter-history-search-'));
  store = await openStore({ dataDir: dir });
  history = new HistoryService({ store });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('History search', () => {
  it('fills a page past newer matches of a site the caller does not work for', async () => {
    const a = conversationDoc({ siteId: siteA, createdAt: 1 });
    const b = conversationDoc({ siteId: siteB, createdAt: 2 });
    await store.conversations.create(a);
    await store.conversations.create(b);
    await say(a._id, 1, '我的快递到哪了', 10);
    // More than one read's worth of newer matches, all invisible to site A's staff.
    for (let i = 0; i < 150; i++) await say(b._id, i + 1, `快递 ${i}`, 1000 + i);
    const page = await history.page(supervisorOfA, input({ q: '快递' }));
    expect(page.items.map((i) => i.conversation.id)).toEqual([a._id]);
    expect(page.items[0]!.matches[0]).toMatchObject({ snippet: '我的快递到哪了', highlights: [[2, 4]] });
    expect(page.cursor).toBeNull();
  });

  it('pages by conversation with the cursor, each once, newest match first', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const c = conversationDoc({ siteId: siteA, createdAt: 10 + n });
      await store.conversations.create(c);
      ids.unshift(c._id);
      // Two matches each: still one result per conversation.
      await say(c._id, 1, `refund ${n} first`, 5000 + n * 10);
      await say(c._id, 2, `refund ${n} again`, 5001 + n * 10);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let round = 0; round < 10; round++) {
      const page = await history.page(supervisorOfA, input({ q: 'REFUND', limit: 1, ...(cursor && { cursor }) }));
      for (const item of page.items) {
        if (!seen.includes(item.conversation.id)) seen.push(item.conversation.id);
        expect(item.matches.every((m) => m.highlights.length === 1)).toBe(true);
      }
      if (!page.cursor) break;
      cursor = page.cursor;
    }
    expect(seen).toEqual(ids);
  });
});
