// @vitest-environment node
import type { VisitorConversation } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { createChatStore } from '../../src/frame/store/chat-store';
import type { ChatMessage } from '../../src/frame/store/messages';
import { footer } from '../../src/frame/store/selectors';
import { chatMessage, visitorConversation } from '../support/fixtures';

const conversation = (id: string, patch: Partial<VisitorConversation> = {}) => visitorConversation(id, 1, patch);
const msg = (clientId: string, seq: number | null): ChatMessage => chatMessage(clientId, seq, { createdAt: seq ?? 99 });

describe('chat store', () => {
  it('keeps messages still sending when their first conversation appears, clears them on a switch', () => {
    const store = createChatStore();
    store.getState().addMessages([msg('pending', null)]);
    store.getState().showConversation(conversation('c1'));
    expect(store.getState().messages).toEqual([]);

    const kept = createChatStore();
    kept.getState().addMessages([msg('pending', null)]);
    kept.getState().showConversation(null);
    expect(kept.getState().messages.map((m) => m.clientId)).toEqual(['pending']);
  });

  it('keeps the messages of the same conversation when it is shown again', () => {
    const store = createChatStore();
    store.getState().showConversation(conversation('c1'));
    store.getState().showHistory([msg('a', 1), msg('b', 2)], true);
    store.getState().showConversation(conversation('c1', { status: 'assigned' }));
    expect(store.getState()).toMatchObject({ hasOlder: true, conversation: { status: 'assigned' } });
    expect(store.getState().messages).toHaveLength(2);
  });

  it('keeps an ended conversation\'s messages above the next one; any other switch clears them', () => {
    const store = createChatStore();
    store.getState().showConversation(conversation('c1', { status: 'resolved' }));
    store.getState().showHistory([msg('a', 1), msg('b', 2)], false);
    store.getState().addMessages([msg('next', null)]);
    store.getState().showConversation(conversation('c2'));
    const [[ended, kept]] = store.getState().earlier as [[VisitorConversation, ChatMessage[]]];
    expect(ended.id).toBe('c1');
    expect(kept.map((m) => m.clientId)).toEqual(['a', 'b']);
    expect(store.getState().messages).toEqual([]);
    // Both number their messages from 1: kept apart, nothing merged away.
    store.getState().addMessages([msg('c', 1)]);
    expect(store.getState().messages.map((m) => m.clientId)).toEqual(['c']);

    store.getState().showConversation(conversation('c3'));
    expect(store.getState().earlier).toEqual([]);
    store.getState().showConversation(conversation('c4', { status: 'resolved' }));
    store.getState().showConversation(null);
    expect(store.getState().earlier).toEqual([]);
  });

  it('applies updates of the shown conversation only; leaving the queue or ending clears queue and typing', () => {
    const store = createChatStore();
    store.getState().showConversation(conversation('c1'));
    store.setState({ queue: { conversationId: 'c1' as never, position: 3, etaSeconds: 90 }, typing: 'Ann' });
    store.getState().updateConversation(conversation('other', { status: 'resolved' }));
    expect(store.getState().conversation?.status).toBe('waiting');

    store.getState().updateConversation(conversation('c1', { status: 'assigned', agentName: 'Ann' }));
    expect(store.getState()).toMatchObject({ queue: null, typing: 'Ann' });
    store.getState().updateConversation(conversation('c1', { status: 'resolved' }));
    expect(store.getState().typing).toBeNull();
  });

  it('adds an older page on top and says whether more exist', () => {
    const store = createChatStore();
    store.getState().showConversation(conversation('c1'));
    store.getState().showHistory([msg('c', 3)], true);
    store.setState({ loadingOlder: true });
    store.getState().addMessages([msg('a', 1), msg('b', 2)], { hasOlder: false });
    expect(store.getState()).toMatchObject({ hasOlder: false, loadingOlder: false });
    expect(store.getState().messages.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('marks a message failed and sending again', () => {
    const store = createChatStore();
    store.getState().addMessages([msg('p', null)]);
    store.getState().setFailed('p', 'rate_limited');
    expect(store.getState().messages[0]!.failed).toBe('rate_limited');
    store.getState().setFailed('p', undefined);
    expect(store.getState().messages[0]!.failed).toBeUndefined();
  });
});

describe('footer', () => {
  const base = createChatStore().getState();
  const nobody = { agentsOnline: 0, open: true, typicalReplySeconds: null };
  it('offers the leave-a-message form only when nobody can answer and nothing started', () => {
    expect(footer({ ...base, availability: nobody })).toBe('leave');
    expect(footer({ ...base, availability: { ...nobody, agentsOnline: 2, open: false } })).toBe('leave');
    expect(footer({ ...base, availability: nobody, conversation: conversation('c1') })).toBe('composer');
    expect(footer({ ...base, availability: nobody, messages: [msg('p', null)] })).toBe('composer');
    expect(footer({ ...base, availability: { ...nobody, agentsOnline: 1 } })).toBe('composer');
  });

  it('ends with the rating card, and says when the chat is blocked', () => {
    expect(footer({ ...base, conversation: conversation('c1', { status: 'resolved' }) })).toBe('ended');
    expect(footer({ ...base, connection: 'blocked' })).toBe('blocked');
  });
});
