/** The site's NPS question (issue 15 leftovers): a toggle beside the site's settings, saved as `nps`. */
import type { SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agent, site as siteFixture } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

describe('NPS question toggle', () => {
  it('turns the question on for the site', async () => {
    const site = siteFixture({ id: 'site-1' as SiteId, allowedOrigins: [], identitySecret: 'x' });
    const h = await renderConsole({ me: { role: 'admin', name: 'Root' }, hash: '#/admin/sites', api: { sites: [site], agents: [agent()] } });
    const form = await screen.findByRole('form', { name: 'Ratings' }, { timeout: 10_000 });
    const box = within(form).getByRole('checkbox', { name: /How likely are you to recommend us/ });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    fireEvent.submit(form);
    await within(form).findByText('Saved.', {}, { timeout: 5000 });
    await waitFor(() => expect(h.apiState.sites.find((s) => s.id === site.id)?.nps).toBe(true));
  }, 20_000); // the sites page is a lazy chunk, transformed on first import: slow on a loaded machine
});
