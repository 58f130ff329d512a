import type { SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole } from '../support/render-console.js';
import { agent, NOW } from '../support/fixtures.js';

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
    const site = {
      id: 'site-1' as SiteId,
      name: 'Shop',
      allowedOrigins: ['https://shop.example'],
      identitySecret: 'top-secret-value',
      greeting: {},
      businessHours: null,
      defaultLocale: 'en' as const,
      orderProvider: { kind: 'none' as const, url: null, hasSecret: false },
      createdAt: NOW,
    };
    await renderConsole({ me: admin, hash: '#/admin/sites', api: { sites: [site], agents: [agent()] } });
    const form = await screen.findByRole('form', { name: 'Settings of Shop' });
    expect(within(form).queryByText(/any website/)).toBeNull();
    fireEvent.input(within(form).getByLabelText(/Allowed origins/), { target: { value: '' } });
    expect(within(form).getByText(/any website/)).toBeTruthy();

    const secret = screen.getByRole('region', { name: 'Identity secret' });
    expect(within(secret).queryByText('top-secret-value')).toBeNull();
    fireEvent.click(within(secret).getByRole('button', { name: 'Show' }));
    expect(within(secret).getByText('top-secret-value')).toBeTruthy();
  });
});
