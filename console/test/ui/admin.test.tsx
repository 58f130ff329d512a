import type { SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole } from '../support/render-console.js';
import { agent, NOW, site as siteFixture } from '../support/fixtures.js';

afterEach(cleanup);

const admin = { role: 'admin' as const, name: 'Root' };

describe('admin pages', () => {
  it('creates an agent and changes their capacity', async () => {
    const h = await renderConsole({ me: admin, hash: '#/admin/agents' });
    const form = await screen.findByRole('form', { name: 'Add an agent' });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Nora' } });
    fireEvent.input(within(form).getByLabelText('Email'), { target: { value: 'nora@example.com' } });
    fireEvent.input(within(form).getByLabelText(/Initial password/), { target: { value: 'long-enough-pw' } });
    fireEvent.submit(form);
    const table = screen.getByRole('table', { name: 'Agents' });
    await within(table).findByText('Nora');
    const capacity = within(table).getByLabelText('Capacity of Nora') as HTMLInputElement;
    fireEvent.input(capacity, { target: { value: '7' } });
    fireEvent.blur(capacity);
    await waitFor(() => expect(h.apiState.agents.find((a) => a.name === 'Nora')?.capacity).toBe(7));
    await waitFor(() => expect(capacity.closest('tr')!.textContent).toContain('0/7'));
  });

  it('warns when a site allows any origin, and reveals the secret on request', async () => {
    const site = siteFixture({ id: 'site-1' as SiteId });
    await renderConsole({ me: admin, hash: '#/admin/sites', api: { sites: [site], agents: [agent()] } });
    // The Sites page is a lazy chunk; its first import is transformed on the spot (slow under load).
    const form = await screen.findByRole('form', { name: 'Settings of Shop' }, { timeout: 5000 });
    expect(within(form).queryByText(/any website/)).toBeNull();
    fireEvent.input(within(form).getByLabelText(/Allowed origins/), { target: { value: '' } });
    expect(within(form).getByText(/any website/)).toBeTruthy();

    const secret = screen.getByRole('region', { name: 'Identity secret' });
    expect(within(secret).queryByText('top-secret-value')).toBeNull();
    fireEvent.click(within(secret).getByRole('button', { name: 'Show' }));
    expect(within(secret).getByText('top-secret-value')).toBeTruthy();
  });

  // Issue 10, item 16: a wrong signing setup is visible on the site's page.
  it('shows failed identity checks of the last 24 h with the last reason', async () => {
    const site = siteFixture({ id: 'site-1' as SiteId });
    await renderConsole({
      me: admin,
      hash: '#/admin/sites',
      api: { sites: [site], agents: [agent()], identityChecks: { 'site-1': { failedLast24h: 3, lastFailure: { at: NOW, reason: 'expired' } } } },
    });
    const secret = await screen.findByRole('region', { name: 'Identity secret' });
    const notice = await within(secret).findByText(/3 failed identity checks in the last 24 h/);
    expect(notice.closest('.identity-checks')!.textContent).toMatch(/reason: The token has expired/);
  });
});
