// @vitest-environment node
import type { ConversationId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { createThreadsStore, lastSeqOf, mergeMessages } from '../../src/stores/threads-store.js';
import { conversation, message, visitorProfile } from '../support/fixtures.js';

const C = 'conv-under-test' as ConversationId;

describe('threads store', () => {
  it('merges pages and live events by seq: ordered, each seq once, gaps allowed', () => {
    const live = [message({ conversationId: C, seq: 7 }), message({ conversationId: C, seq: 9 })];
    const page = [3, 4, 7].map((seq) => message({ conversationId: C, seq }));
    expect(mergeMessages(live, page).map((m) => m.seq)).toEqual([3, 4, 7, 9]);
  });

  it('loads a thread, adds older pages, and ends shopper typing when they send', () => {
    const store = createThreadsStore();
    store.getState().begin(C);
    expect(store.getState().threads[C]!.status).toBe('opening');
    store.getState().opened(C, { conversation: conversation({ id: C }), visitor: visitorProfile(), previous: [] });
    store.getState().addMessages(C, [10, 11].map((seq) => message({ conversationId: C, seq })), { hasOlder: true });
    store.getState().addMessages(C, [8, 9].map((seq) => message({ conversationId: C, seq })), { hasOlder: false });
    const t = store.getState().threads[C]!;
    expect(t.messages.map((m) => m.seq)).toEqual([8, 9, 10, 11]);
    expect(t.hasOlder).toBe(false);
    expect(lastSeqOf(t)).toBe(11);

    store.getState().setTyping(C, true);
    expect(store.getState().threads[C]!.visitorTyping).toBe(true);
    store.getState().addMessages(C, [message({ conversationId: C, seq: 12, author: 'visitor' })]);
    expect(store.getState().threads[C]!.visitorTyping).toBe(false);
  });

  it('keeps loaded messages when re-opened after a reconnect', () => {
    const store = createThreadsStore();
    store.getState().begin(C);
    store.getState().addMessages(C, [message({ conversationId: C, seq: 1 })]);
    store.getState().begin(C);
    expect(store.getState().threads[C]!.messages).toHaveLength(1);
  });

  it('ignores events for conversations that are not open', () => {
    const store = createThreadsStore();
    store.getState().addMessages(C, [message({ conversationId: C, seq: 1 })]);
    store.getState().updateConversation(conversation({ id: C }));
    expect(store.getState().threads).toEqual({});
  });

  it('marks a thread removed, and restores it when it comes back', () => {
    const store = createThreadsStore();
    store.getState().begin(C);
    store.getState().markRemoved(C, 'reassigned');
    expect(store.getState().threads[C]!.removed).toBe('reassigned');
    store.getState().markRemoved(C, null);
    expect(store.getState().threads[C]!.removed).toBeNull();
  });
});
