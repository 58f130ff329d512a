/**
 * The order source of a site in the admin pages: the secret field is write-only (empty after
 * saving, a placeholder says one is set), and switching the source off says so.
 */
import type { SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agent, site as siteFixture } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

describe('order source settings', () => {
  it('saves an HTTP provider, keeps the secret out of the page, and keeps it when left empty', async () => {
    const site = siteFixture({ id: 'site-1' as SiteId, allowedOrigins: [], identitySecret: 'x' });
    const h = await renderConsole({ me: { role: 'admin', name: 'Root' }, hash: '#/admin/sites', api: { sites: [site], agents: [agent()] } });
    const form = await screen.findByRole('form', { name: 'Orders of Shop' });
    fireEvent.change(within(form).getByLabelText('Order source'), { target: { value: 'http' } });
    fireEvent.input(await within(form).findByLabelText('Base URL'), { target: { value: 'https://shop.example/orders' } });
    const secret = within(form).getByLabelText('Shared secret (HMAC)') as HTMLInputElement;
    expect(secret.placeholder).toBe('Required');
    fireEvent.input(secret, { target: { value: 'shared-secret-of-the-shop' } });
    fireEvent.submit(form);
    await within(form).findByText('Saved.');
    expect(h.apiState.orderSecrets['site-1']).toBe('shared-secret-of-the-shop');
    expect(h.apiState.sites[0]!.orderProvider).toEqual({ kind: 'http', url: 'https://shop.example/orders', hasSecret: true });
    await waitFor(() => expect(secret.value).toBe(''));
    expect(secret.placeholder).toBe('Set. Leave empty to keep it.');
    expect(document.body.textContent).not.toContain('shared-secret-of-the-shop');

    fireEvent.submit(form);
    await waitFor(() => expect(h.apiState.orderSecrets['site-1']).toBe('shared-secret-of-the-shop'));
  });
});
