import type { Site, SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole } from '../support/render-console.js';
import { agent, site as siteFixture } from '../support/fixtures.js';

afterEach(cleanup);

const site = (id: string, name: string): Site => siteFixture({ id: id as SiteId, name, allowedOrigins: [], identitySecret: 'secret' });

/** Issue 10, item 5: the admin pages set each person's sites and role. */
describe('admin pages: sites and roles of staff', () => {
  it("the owner adds an agent to a site, then changes another agent's sites and role", async () => {
    const shoes = site('site-shoes', 'Shoes');
    const hats = site('site-hats', 'Hats');
    const bob = agent({ name: 'Bob', siteIds: [shoes.id] });
    const h = await renderConsole({ me: { role: 'owner', name: 'Root' }, hash: '#/admin/agents', api: { sites: [shoes, hats], agents: [bob] } });

    const form = await screen.findByRole('form', { name: 'Add an agent' });
    fireEvent.input(within(form).getByLabelText('Name'), { target: { value: 'Nora' } });
    fireEvent.input(within(form).getByLabelText('Email'), { target: { value: 'nora@example.com' } });
    fireEvent.input(within(form).getByLabelText(/Initial password/), { target: { value: 'long-enough-pw' } });
    const newSites = await within(form).findByRole('group', { name: 'Sites of the new agent' });
    fireEvent.click(within(newSites).getByLabelText('Hats'));
    fireEvent.submit(form);
    await waitFor(() => expect(h.apiState.agents.find((a) => a.name === 'Nora')?.siteIds).toEqual([hats.id]));

    const bobSites = screen.getByRole('group', { name: 'Sites of Bob' });
    expect((within(bobSites).getByLabelText('Shoes') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(bobSites).getByLabelText('Hats'));
    await waitFor(() => expect(h.apiState.agents.find((a) => a.name === 'Bob')?.siteIds).toEqual([shoes.id, hats.id]));
    fireEvent.change(screen.getByLabelText('Role of Bob'), { target: { value: 'supervisor' } });
    await waitFor(() => expect(h.apiState.agents.find((a) => a.name === 'Bob')?.role).toBe('supervisor'));
    // The owner may name another owner.
    expect(within(screen.getByLabelText('Role of Bob')).getByRole('option', { name: 'Owner' })).toBeTruthy();
  });

  it('an admin cannot offer the owner role, and cannot change their own sites', async () => {
    const shoes = site('site-shoes', 'Shoes');
    await renderConsole({ me: { role: 'admin', name: 'Ada', siteIds: [shoes.id] }, hash: '#/admin/agents', api: { sites: [shoes] } });
    const form = await screen.findByRole('form', { name: 'Add an agent' });
    const roles = within(within(form).getByLabelText('Role')).getAllByRole('option').map((o) => o.textContent);
    expect(roles).toEqual(['Agent', 'Supervisor', 'Admin']);
    // With one site, it is ticked for the new agent already.
    const newSites = within(form).getByRole('group', { name: 'Sites of the new agent' });
    expect((within(newSites).getByLabelText('Shoes') as HTMLInputElement).checked).toBe(true);
    const own = (await screen.findByRole('group', { name: 'Sites of Ada' })) as HTMLFieldSetElement;
    expect(own.disabled).toBe(true);
  });
});
