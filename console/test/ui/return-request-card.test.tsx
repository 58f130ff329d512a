/**
 * A shopper's return request in the thread: the quality problem's reply countdown from the
 * server's due time, and one click on Approve sends return:decide and shows where it stands.
 */
import type { ConversationId, ReturnRequestView } from '@counter/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AppContext } from '../../src/app/app-context.js';
import { ReturnRequestCard } from '../../src/ui/orders/ReturnRequestCard.js';
import { startHarness } from '../support/console-harness.js';

afterEach(cleanup);

const HOUR = 3_600_000;
const request = (over: Partial<ReturnRequestView> = {}): ReturnRequestView => ({
  id: '00000000-0000-4000-8000-000000000001',
  conversationId: 'c1' as ConversationId,
  orderId: 'ord_1017',
  orderNumber: '1017',
  currency: 'USD',
  lines: [{ lineId: 'l1', title: 'City Knit Sneaker', quantity: 1, unitPrice: 6450 }],
  reason: { id: 'damaged', label: { en: 'Arrived damaged' }, quality: true },
  note: null,
  attachmentIds: ['a1'],
  stage: 'requested',
  steps: [{ stage: 'requested', at: Date.now() - HOUR }],
  dueAt: Date.now() + 23 * HOUR + 30 * 60_000,
  returnId: null,
  createdAt: Date.now() - HOUR,
  ...over,
});

describe('return request card', () => {
  it('counts down to the due time and approves in one click', async () => {
    const h = await startHarness({
      setup: (t) =>
        t
          .answer('returns:list', { requests: [request()] })
          .answer('return:decide', { request: request({ stage: 'approved', steps: [{ stage: 'requested', at: 1 }, { stage: 'approved', at: 2 }] }) }),
    });
    render(
      <AppContext.Provider value={h.app}>
        <ReturnRequestCard conversationId={'c1' as ConversationId} requestId="00000000-0000-4000-8000-000000000001" />
      </AppContext.Provider>,
    );
    expect((await screen.findByRole('timer')).textContent).toBe('Reply due in 23h 30m');
    expect(screen.getByRole('group', { name: 'Return request' }).textContent).toContain('1 photo');
    fireEvent.click(screen.getByRole('button', { name: 'Approve return' }));
    await screen.findByText('Requested → Approved');
    expect(h.transport.callsOf('return:decide')).toEqual([{ requestId: '00000000-0000-4000-8000-000000000001', decision: 'approve' }]);
    expect(screen.queryByRole('button', { name: 'Approve return' })).toBeNull();
  });

  it('says how late an overdue reply is', async () => {
    const h = await startHarness({ setup: (t) => t.answer('returns:list', { requests: [request({ dueAt: Date.now() - 2 * HOUR })] }) });
    render(
      <AppContext.Provider value={h.app}>
        <ReturnRequestCard conversationId={'c1' as ConversationId} requestId="00000000-0000-4000-8000-000000000001" />
      </AppContext.Provider>,
    );
    expect((await screen.findByRole('timer')).textContent).toBe('Reply overdue by 2h 0m');
  });

  it('follows the request live: another agent approves it, the shop receives it', async () => {
    const h = await startHarness({ setup: (t) => t.answer('returns:list', { requests: [request()] }) });
    render(
      <AppContext.Provider value={h.app}>
        <ReturnRequestCard conversationId={'c1' as ConversationId} requestId="00000000-0000-4000-8000-000000000001" />
      </AppContext.Provider>,
    );
    await screen.findByRole('button', { name: 'Approve return' });
    // Another request's news is not this card's.
    h.transport.emit('return:updated', { request: request({ id: '00000000-0000-4000-8000-000000000002', stage: 'rejected' }) });
    h.transport.emit('return:updated', { request: request({ stage: 'approved', steps: [{ stage: 'requested', at: 1 }, { stage: 'approved', at: 2 }] }) });
    await screen.findByText('Requested → Approved');
    expect(screen.queryByRole('button', { name: 'Approve return' })).toBeNull();
    h.transport.emit('return:updated', { request: request({ stage: 'received', steps: [{ stage: 'requested', at: 1 }, { stage: 'approved', at: 2 }, { stage: 'received', at: 3 }] }) });
    await screen.findByText('Requested → Approved → Received');
    expect(h.transport.callsOf('returns:list')).toHaveLength(1);
  });
});
