// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { selectInbox } from '../../src/stores/inbox-store.js';
import { startHarness, until } from '../support/console-harness.js';
import { conversation, inboxItem, message, queueItem, visitorProfile } from '../support/fixtures.js';

describe('live events', () => {
  it('assignment, updates and removal keep the inbox current', async () => {
    const h = await startHarness();
    const item = inboxItem({ unreadByAgent: 1, lastSeq: 1 }, { name: 'Mei' });
    h.transport.emit('conversation:assigned', { item, reason: 'routed' });
    expect(selectInbox(h.app.stores.inbox.getState()).map((i) => i.visitor.name)).toEqual(['Mei']);
    h.transport.emit('conversation:updated', { conversation: { ...item.conversation, lastSeq: 2, unreadByAgent: 2 } });
    expect(h.app.stores.inbox.getState().items[item.conversation.id]!.conversation.unreadByAgent).toBe(2);
    h.transport.emit('conversation:removed', { conversationId: item.conversation.id, reason: 'transferred' });
    expect(h.app.stores.inbox.getState().items).toEqual({});
  });

  it('queue snapshots replace the queue', async () => {
    const h = await startHarness();
    h.transport.emit('queue:updated', { queue: [queueItem({ visitorName: 'A' }), queueItem({ visitorName: 'B', position: 2 })], total: 7 });
    expect(h.app.stores.queue.getState()).toMatchObject({ total: 7, items: [{ visitorName: 'A' }, { visitorName: 'B' }] });
  });

  it('shows the shopper typing, and clears it when the "stopped" never arrives', async () => {
    const item = inboxItem();
    const c = item.conversation;
    const h = await startHarness({
      setup: (t) =>
        t
          .answer('conversation:open', { conversation: c, visitor: visitorProfile({ id: item.visitor.id }), previous: [] })
          .answer('message:history', { messages: [], hasMore: false }),
    });
    await h.app.history.open(c.id);
    h.transport.emit('typing:changed', { conversationId: c.id, typing: true });
    expect(h.app.stores.threads.getState().threads[c.id]!.visitorTyping).toBe(true);
    await until(() => !h.app.stores.threads.getState().threads[c.id]!.visitorTyping);
  });

  it('marks messages read only when the agent is looking at their own conversation', async () => {
    const h = await startHarness();
    const c = conversation({ agentId: h.me.id, lastSeq: 3, unreadByAgent: 1 });
    const visitor = visitorProfile({ id: c.visitorId });
    h.transport
      .answer('conversation:open', { conversation: c, visitor, previous: [] })
      .answer('message:history', { messages: [1, 3].map((seq) => message({ conversationId: c.id, seq })), hasMore: false })
      .handle('message:read', (p) => ({ ok: true, data: { seq: p.seq } }));
    h.setHidden(true);
    h.app.open(c.id);
    await h.app.history.open(c.id);
    expect(h.transport.callsOf('message:read')).toEqual([]);

    h.setHidden(false);
    expect(h.transport.callsOf('message:read')).toEqual([{ conversationId: c.id, seq: 3 }]);
    h.transport.emit('message:created', { message: message({ conversationId: c.id, seq: 4 }) });
    expect(h.transport.callsOf('message:read').at(-1)).toEqual({ conversationId: c.id, seq: 4 });

    // Somebody else's conversation (a queue peek): no read marks on their behalf.
    const other = conversation({ status: 'waiting', lastSeq: 2, unreadByAgent: 2 });
    h.transport
      .answer('conversation:open', { conversation: other, visitor: visitorProfile({ id: other.visitorId }), previous: [] })
      .answer('message:history', { messages: [message({ conversationId: other.id, seq: 2 })], hasMore: false });
    const before = h.transport.callsOf('message:read').length;
    h.app.open(other.id);
    await h.app.history.open(other.id);
    expect(h.transport.callsOf('message:read')).toHaveLength(before);
  });

  it('notifies (notification + chime) only while the tab is hidden, never for own actions', async () => {
    const h = await startHarness();
    const item = inboxItem({ lastMessagePreview: 'Where is my parcel?' }, { name: 'Mei' });
    h.transport.emit('conversation:assigned', { item, reason: 'routed' });
    expect(h.notices).toHaveLength(0);

    h.setHidden(true);
    h.transport.emit('message:created', { message: message({ conversationId: item.conversation.id, seq: 2, text: 'Hello?' }) });
    h.transport.emit('message:created', { message: message({ conversationId: item.conversation.id, seq: 3, author: 'agent', text: 'mine' }) });
    h.transport.emit('conversation:assigned', { item: inboxItem({}, { name: 'Taken' }), reason: 'taken' });
    const second = inboxItem({ lastMessagePreview: 'Hi' }, { name: 'Lucas' });
    h.transport.emit('conversation:assigned', { item: second, reason: 'reassigned' });
    expect(h.notices.map((n) => [n.title, n.body])).toEqual([
      ['Mei', 'Hello?'],
      ['Conversation reassigned to you', 'Lucas: Hi'],
    ]);
    h.notices[1]!.onClick!();
    expect(h.app.stores.route.getState().route).toEqual({ name: 'conversation', id: second.conversation.id });
  });
});
