/**
 * Response targets in the console (issue 14): the queue tab is ordered by time to breach (the
 * inbox already is), and an admin's edit of a site's targets, pushed as `target:settings`,
 * re-orders the lists and re-counts the badges of consoles already open, without a reload.
 */
import type { ResponseTargets, SiteId } from '@counter/shared';
import { DEFAULT_TARGETS } from '@counter/shared';
import { cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { renderConsole } from '../support/render-console.js';
import { queueItem } from '../support/fixtures.js';

afterEach(cleanup);
afterAll(() => vi.unstubAllGlobals());

const withFirst = (seconds: number): ResponseTargets => ({ ...DEFAULT_TARGETS, standard: { ...DEFAULT_TARGETS.standard, firstSeconds: seconds } });
const SLOW = 'site-slow01' as SiteId;
const FAST = 'site-fast01' as SiteId;

// The targets chunk asks once per page load: site "slow" promises 10 minutes, "fast" 1 minute.
const sites = [{ siteId: SLOW, targets: withFirst(600) }, { siteId: FAST, targets: withFirst(60) }];
vi.stubGlobal('fetch', async (url: string) =>
  String(url) === '/api/v1/targets' ? { ok: true, json: async () => ({ sites }) } : { ok: false, json: async () => ({}) },
);

describe('queue by time to breach', () => {
  it('puts the conversation closest to its target first, and follows an edit of the targets live', async () => {
    const now = Date.now();
    // The server's order: Olga waited longer. Her site gives her 500 s more; Finn's, 30 s.
    const olga = queueItem({ visitorName: 'Olga', siteId: SLOW, queuedAt: now - 100_000, position: 1 });
    const finn = queueItem({ visitorName: 'Finn', siteId: FAST, queuedAt: now - 30_000, position: 2 });
    const h = await renderConsole({ hash: '#/queue', setup: (t) => t.answer('queue:list', { queue: [olga, finn], total: 2 }) });
    const names = () => [...document.querySelectorAll('.queue-row .row-name')].map((n) => n.textContent);
    // The targets chunk is fetched on connect (slow on a loaded machine): wait for its badges.
    await waitFor(() => expect(document.querySelector('.queue-row [data-due]')).not.toBeNull(), { timeout: 20_000 });
    await waitFor(() => expect(names()).toEqual(['Finn', 'Olga']));
    const finnRow = () => within(screen.getByRole('list', { name: 'Waiting conversations' })).getAllByRole('listitem')[0]!;
    await waitFor(() => expect(finnRow().querySelector('[data-due]')!.textContent).toMatch(/^0:[23]\d$/));

    // An admin elsewhere gives the fast site an hour: Finn now has the most time left.
    h.transport.emit('target:settings', { siteId: FAST, targets: withFirst(3600) });
    await waitFor(() => expect(names()).toEqual(['Olga', 'Finn']));
    const finnNow = document.querySelectorAll('.queue-row')[1]!;
    // The badge counts down from the new target on its next tick.
    await waitFor(() => expect(finnNow.querySelector('[data-due]')!.textContent).toMatch(/^59:[23]\d$/), { timeout: 3000 });
  });
});
