/**
 * The order's action forms take lines: a refund by line and quantity, a cancellation of chosen
 * lines, a return of several lines, and a return's next step by its id.
 */
import type { ActionKind, AgentOrder, ConversationId, OrderActionView } from '@counter/shared';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AppContext } from '../../src/app/app-context.js';
import { ActionForm } from '../../src/ui/orders/ActionForm.js';
import { startHarness } from '../support/console-harness.js';

afterEach(cleanup);

const order = {
  id: 'ord_1',
  currency: 'JPY',
  lines: [
    { id: 'l1', title: 'Trail Runner', variant: 'Blue / 42', quantity: 2, unitPrice: 5000 },
    { id: 'l2', title: 'Socks', variant: null, quantity: 3, unitPrice: 800 },
  ],
} as unknown as AgentOrder;

async function open(kind: ActionKind) {
  const h = await startHarness({ setup: (t) => t.answer('order:action', { action: { state: 'done' } as OrderActionView }) });
  render(
    <AppContext.Provider value={h.app}>
      <ActionForm kind={kind} order={order} conversationId={'c1' as ConversationId} onClose={() => {}} onDone={() => {}} />
    </AppContext.Provider>,
  );
  fireEvent.input(screen.getByLabelText('Reason (agents only)'), { target: { value: 'Damaged' } });
  const sent = async () => {
    fireEvent.submit(screen.getByRole('form'));
    await waitFor(() => expect(h.transport.callsOf('order:action')).toHaveLength(1));
    return h.transport.callsOf('order:action')[0]!.action;
  };
  return { sent };
}

describe('line-level action forms', () => {
  it('refunds chosen lines and quantities', async () => {
    const { sent } = await open('refund');
    fireEvent.input(screen.getByLabelText('Quantity of Socks'), { target: { value: '2' } });
    expect(await sent()).toEqual({ kind: 'refund', lines: [{ lineId: 'l2', quantity: 2 }] });
  });

  it('cancels chosen lines only', async () => {
    const { sent } = await open('cancel');
    fireEvent.click(screen.getAllByRole('checkbox')[0]!);
    expect(await sent()).toEqual({ kind: 'cancel', lineIds: ['l1'] });
  });

  it('starts a return of several lines', async () => {
    const { sent } = await open('return_request');
    fireEvent.input(screen.getByLabelText('Quantity of Trail Runner · Blue / 42'), { target: { value: '1' } });
    fireEvent.input(screen.getByLabelText('Quantity of Socks'), { target: { value: '3' } });
    expect(await sent()).toEqual({ kind: 'return_request', lines: [{ lineId: 'l1', quantity: 1 }, { lineId: 'l2', quantity: 3 }], attachmentIds: [] });
  });

  it('moves a return to its refund step with an amount in the currency’s decimals', async () => {
    const { sent } = await open('return_update');
    fireEvent.input(screen.getByLabelText('Return id'), { target: { value: 'ret_7' } });
    fireEvent.change(screen.getByLabelText('Step'), { target: { value: 'refund' } });
    fireEvent.input(screen.getByLabelText('Amount (JPY)'), { target: { value: '4500' } });
    expect(await sent()).toEqual({ kind: 'return_update', returnId: 'ret_7', step: 'refund', amount: 4500 });
  });
});
