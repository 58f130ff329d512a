/**
 * The Live page's at-risk list by target due times (issue 15 leftovers): shown in the server's
 * order (soonest breach first), each with its time to breach, a missed target flagged.
 */
import type { SiteId, SupervisorView } from '@counter/shared';
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const AT = 1_800_000_000_000;
const row = (id: string, visitorName: string, waitingSince: number, dueAt: number) => ({
  conversationId: id as never,
  agentId: null,
  agentName: 'Ann',
  visitorName,
  preview: null,
  waitingSince,
  dueAt,
});

const view: SupervisorView = {
  siteId: 'site-1' as SiteId,
  at: AT,
  agents: [],
  queue: { length: 0, oldestSince: null, items: [] },
  // A VIP who waited 20 s is already late; a standard shopper who waited 2 min has 1 min left.
  atRisk: [row('c-vip', 'Vera', AT - 20_000, AT - 5_000), row('c-std', 'Sam', AT - 120_000, AT + 60_000)],
  forecast: { nextHour: 3, baseline: null, trend: 1, waitNowSeconds: 0, peakWaitSeconds: 0, breachInMinutes: null, targetSeconds: 180, recentHours: [] },
  warning: null,
  botMode: 'off',
  awayAgents: 0,
};

describe('Live page: at risk by target due times', () => {
  it('lists conversations by time to breach with a flag once missed', async () => {
    await renderConsole({
      me: { role: 'supervisor', name: 'Sue' },
      hash: '#/supervisor',
      setup: (t) => t.answer('sites:list', { sites: [{ id: 'site-1' as SiteId, name: 'Tea Shop' }] as never }).answer('supervisor:watch', { view }),
    });
    const list = await screen.findByRole('region', { name: 'At risk of missing the response target' }, { timeout: 5000 });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Vera', 'Sam']);
    const late = within(items[0]!).getByText(/target missed/);
    expect(late.textContent).toContain('target missed 5s ago');
    expect(late.className).toContain('sv-due-late');
    expect(within(items[1]!).getByText(/target in/).textContent).toContain('target in 1m');
  }, 20_000);
});
