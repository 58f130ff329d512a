/**
 * The after-sales limits are minor units of the order's currency: one typed yen is 1 minor
 * unit, one typed dinar 1000 (Intl's maximumFractionDigits), not always 100.
 */
import type { ActionLimits, SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agent, site as siteFixture } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const role = { allowed: [], maxRefund: 20_000, maxRefundPercent: 50, dailyTotal: 50_000, maxVoucher: 2_000, maxVoucherPercent: 10, aboveLimit: 'approval' } as const;
const LIMITS: ActionLimits = { agent: { ...role, allowed: [] }, supervisor: { ...role, allowed: [] }, admin: { ...role, allowed: [] } };

describe('after-sales limits editor', () => {
  it.each([
    ['JPY', '500', 500],
    ['KWD', '1.5', 1500],
    ['USD', '12.34', 1234],
  ])('reads %s amounts with the currency\'s decimals', async (currency, typed, minor) => {
    const site = siteFixture({ id: 'site-1' as SiteId, allowedOrigins: [], identitySecret: 'x' });
    let saved: ActionLimits | null = null;
    await renderConsole({
      me: { role: 'admin', name: 'Root' },
      hash: '#/admin/sites',
      api: { sites: [site], agents: [agent()] },
      setup: (t) =>
        t
          .answer('action-limits:get', { limits: structuredClone(LIMITS), allowance: { role: 'admin', limits: LIMITS.admin, dailyLeft: null } })
          .handle('action-limits:set', ({ limits }) => {
            saved = limits as ActionLimits;
            return { ok: true, data: { limits: limits as ActionLimits } };
          }),
    });
    const form = await screen.findByRole('form', { name: 'After-sales limits' }, { timeout: 5000 });
    fireEvent.change(within(form).getByLabelText('Currency of the amounts'), { target: { value: currency } });
    fireEvent.change(within(form).getByLabelText('Agent Largest refund'), { target: { value: typed } });
    fireEvent.submit(form);
    await waitFor(() => expect(saved).not.toBeNull());
    expect(saved!.agent.maxRefund).toBe(minor);
    // Percentages are not scaled.
    expect(saved!.agent.maxRefundPercent).toBe(50);
  });
});
