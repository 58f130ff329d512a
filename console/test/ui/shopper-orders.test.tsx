/**
 * The shopper panel's orders: "unreachable" is shown as such with a retry, never as "no
 * orders"; the list shows its age; a shop that is not connected shows no section at all.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentResults } from '@counter/shared';
import { agent, conversation, visitorProfile } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const summary = { id: 'ord_1042', number: '1042', placedAt: 1, status: 'shipped' as const, paymentState: 'paid' as const, currency: 'USD', total: 15350, itemCount: 2, preview: 'Trail Runner 2' };

async function panelWith(answers: AgentResults['orders:list'][]) {
  const me = agent();
  const c = conversation({ agentId: me.id });
  const visitor = visitorProfile({ id: c.visitorId, verified: true, externalId: 'cust-1' });
  let call = 0;
  await renderConsole({
    me,
    hash: `#/c/${c.id}`,
    setup: (t) =>
      t
        .answer('conversation:open', { conversation: c, visitor, previous: [] })
        .answer('message:history', { messages: [], hasMore: false })
        .handle('orders:list', () => ({ ok: true, data: answers[Math.min(call++, answers.length - 1)]! })),
  });
  return screen.findByRole('complementary', { name: 'Shopper' });
}

describe('shopper panel orders', () => {
  it('says the shop is unreachable (not "no orders") and retries on request', async () => {
    const panel = await panelWith([
      { state: 'unreachable', message: 'The shop is not answering.' },
      { state: 'ok', cacheAgeMs: 25_000, value: { customer: { id: 'cust-1', email: null, name: 'Mei', phone: '•••• 8000' }, matchedBy: 'verified_id', orders: [summary] } },
    ]);
    const orders = await within(panel).findByRole('region', { name: 'Orders' });
    await within(orders).findByText(/not answering. This is not “no orders”/);
    expect(within(orders).queryByText('No orders yet.')).toBeNull();
    fireEvent.click(within(orders).getByRole('button', { name: 'Retry' }));
    await within(orders).findByText('Order #1042');
    expect(within(orders).getByText('$153.50', { exact: false })).toBeTruthy();
    expect(within(orders).getByText(/Verified customer · Updated 25s ago/)).toBeTruthy();
  });

  it('warns when the match is only an email the shopper typed', async () => {
    const panel = await panelWith([
      { state: 'ok', cacheAgeMs: 0, value: { customer: { id: 'c2', email: 'a@b.co', name: null, phone: null }, matchedBy: 'email', orders: [] } },
    ]);
    await within(panel).findByText(/Matched by an email the shopper typed \(not verified\)/);
    expect(within(panel).getByText('No orders yet.')).toBeTruthy();
  });

  it('shows no orders section when the site has no order source', async () => {
    const panel = await panelWith([{ state: 'not_configured' }]);
    // The section shows while loading, then goes once the server says there is no source.
    await waitFor(() => expect(within(panel).queryByRole('region', { name: 'Orders' })).toBeNull());
    expect(within(panel).getByText('Earlier conversations')).toBeTruthy();
  });
});
