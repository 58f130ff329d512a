import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { clientError } from '../../src/lib/client-error.js';
import { renderConsole } from '../support/render-console.js';
import { inboxItem, NOW, queueItem } from '../support/fixtures.js';

afterEach(cleanup);

describe('inbox and queue', () => {
  it('lists my conversations by who has waited longest, with unread badges', async () => {
    const now = Date.now();
    const items = [
      inboxItem({ awaitingReplySince: null, lastMessageAt: now, lastMessagePreview: 'thanks!' }, { name: 'Answered Ada' }),
      inboxItem({ awaitingReplySince: now - 60_000, unreadByAgent: 3, lastMessagePreview: 'hello??' }, { name: 'Waiting Wu' }),
      inboxItem({ awaitingReplySince: now - 600_000, unreadByAgent: 1, lastMessagePreview: 'my order' }, { name: 'Longest Li' }),
    ];
    await renderConsole({ setup: (t) => t.answer('inbox:list', { items }) });
    const list = await screen.findByRole('list', { name: 'My conversations' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.row-name')!.textContent)).toEqual(['Longest Li', 'Waiting Wu', 'Answered Ada']);
    expect(within(rows[0]!).getByLabelText('1 unread')).toBeTruthy();
    expect(within(rows[1]!).getByLabelText('3 unread')).toBeTruthy();
    expect(rows[2]!.querySelector('.badge')).toBeNull();
    // The waiting time is shown for those awaiting a reply.
    expect(within(rows[0]!).getByTitle('Waiting for your reply').textContent).toBe('10m');
  });

  it('re-sorts as events arrive', async () => {
    const a = inboxItem({ awaitingReplySince: NOW }, { name: 'Ada' });
    const b = inboxItem({ awaitingReplySince: NOW + 1000 }, { name: 'Bea' });
    const h = await renderConsole({ setup: (t) => t.answer('inbox:list', { items: [a, b] }) });
    await screen.findByText('Ada');
    h.transport.emit('conversation:updated', {
      conversation: { ...a.conversation, awaitingReplySince: null, lastSeq: 5, lastMessageAt: NOW + 5000 },
    });
    await waitFor(() =>
      expect([...document.querySelectorAll('.rows .row-name')].map((n) => n.textContent)).toEqual(['Bea', 'Ada']),
    );
  });

  it('shows the queue with positions and takes a conversation, or says why not', async () => {
    const first = queueItem({ visitorName: 'Queued Quinn', preview: 'anyone?', position: 1, queuedAt: Date.now() - 125_000 });
    // Queued after Quinn: first by position and by time to breach alike, whether or not the
    // lazy targets chunk (which sorts by time to breach) has loaded yet.
    const second = queueItem({ visitorName: 'Second Sam', position: 2, queuedAt: Date.now() - 5_000 });
    const h = await renderConsole({
      hash: '#/queue',
      setup: (t) => t.answer('queue:list', { queue: [first, second], total: 2 }).fail('conversation:take', clientError('capacity_reached')),
    });
    const list = await screen.findByRole('list', { name: 'Waiting conversations' });
    const rows = within(list).getAllByRole('listitem');
    expect(within(rows[0]!).getByLabelText('position 1')).toBeTruthy();
    expect(within(rows[0]!).getByText('2m')).toBeTruthy();
    fireEvent.click(within(rows[0]!).getByRole('button', { name: 'Take' }));
    expect((await within(rows[0]!).findByRole('alert')).textContent).toBe('No capacity left for another conversation.');
    expect(h.transport.callsOf('conversation:take')).toEqual([{ conversationId: first.conversationId }]);
  });

  it('shows the connection state', async () => {
    const h = await renderConsole();
    expect(screen.getByRole('status').getAttribute('data-connection')).toBe('connected');
    h.transport.connection({ type: 'disconnected', willRetry: true, reason: 'transport close' });
    expect((await screen.findByRole('alert')).textContent).toMatch(/Reconnecting/);
  });
});
