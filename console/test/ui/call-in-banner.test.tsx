/**
 * A supervisor's call-in (issue 15 leftovers) on an away agent's console: a banner with "Go
 * online" that sets the status, and a desktop notice only when the console is in the background.
 */
import type { SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const CALL = { siteId: 'site-1' as SiteId, siteName: 'Tea Shop', by: 'Sue' };

describe('call-in on an away agent\'s console', () => {
  it('shows a banner; "Go online" sets the status and closes it; no desktop notice in the foreground', async () => {
    const h = await renderConsole({ me: { status: 'away' } });
    h.transport.handle('agent:status', (p) => ({ ok: true, data: { agent: { ...h.me, status: p.status } } }));
    await screen.findByRole('radiogroup', { name: 'Your status' });
    // The listener is a lazy part fetched after the first paint.
    await waitFor(() => expect(h.transport.listening('supervisor:call-in')).toBe(true), { timeout: 5000 });
    h.transport.emit('supervisor:call-in', CALL);
    const banner = await screen.findByText('Sue asks you to come online: Tea Shop is getting busy.', {}, { timeout: 5000 });
    expect(banner.closest('[role="alert"]')?.textContent).toContain('You are called in');
    expect(h.notices).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Go online' }));
    await waitFor(() => expect(h.transport.callsOf('agent:status')).toEqual([{ status: 'online' }]));
    await waitFor(() => expect(screen.queryByText(/asks you to come online/)).toBeNull());
  }, 20_000);

  it('in a background tab also sends a desktop notice; "Not now" dismisses the banner', async () => {
    const h = await renderConsole({ me: { status: 'away' } });
    await screen.findByRole('radiogroup', { name: 'Your status' });
    // The listener is a lazy part fetched after the first paint.
    await waitFor(() => expect(h.transport.listening('supervisor:call-in')).toBe(true), { timeout: 5000 });
    h.setHidden(true);
    h.transport.emit('supervisor:call-in', CALL);
    await screen.findByText(/Sue asks you to come online/, {}, { timeout: 5000 });
    await waitFor(() => expect(h.notices.map((n) => [n.title, n.body])).toEqual([['You are called in', 'Sue asks you to come online: Tea Shop is getting busy.']]));
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByText(/asks you to come online/)).toBeNull());
    expect(h.transport.callsOf('agent:status')).toEqual([]);
  }, 20_000);
});
