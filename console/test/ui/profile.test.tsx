/**
 * Issue 16, item 4: an agent sets the name shoppers see and how the console gets their
 * attention, from their account page; the preferences reach the notices.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxItem } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

describe('profile', () => {
  it('renames the agent: the server keeps the name shoppers see, and the page shows it', async () => {
    const h = await renderConsole({ me: { name: 'Admin' }, hash: '#/account' });
    const profile = await screen.findByRole('region', { name: 'Your profile' });
    const name = within(profile).getByLabelText('Name shoppers see') as HTMLInputElement;
    expect(name.value).toBe('Admin');
    fireEvent.input(name, { target: { value: '  Mei Chen ' } });
    fireEvent.click(within(profile).getByRole('button', { name: 'Save name' }));
    await within(profile).findByText(/Name saved/);
    expect(h.apiState.me?.name).toBe('Mei Chen');
    expect(h.app.stores.session.getState().agent?.name).toBe('Mei Chen');
    expect((within(profile).getByRole('button', { name: 'Save name' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('turns the sound off: saved on the server, and the next notice comes without it', async () => {
    const h = await renderConsole({ hash: '#/account' });
    const profile = await screen.findByRole('region', { name: 'Your profile' });
    const sound = within(profile).getByLabelText('With a sound') as HTMLInputElement;
    expect(sound.checked).toBe(true);
    fireEvent.click(sound);
    await waitFor(() => expect(h.apiState.me?.prefs).toMatchObject({ sound: false, desktop: true }));
    await waitFor(() => expect((within(profile).getByLabelText('With a sound') as HTMLInputElement).checked).toBe(false));

    h.setHidden(true);
    h.transport.emit('conversation:assigned', { item: inboxItem({ lastMessagePreview: 'Hi' }, { name: 'Lucas' }), reason: 'routed' });
    expect(h.notices.map((n) => n.ways)).toEqual([{ sound: false, desktop: true }]);
  });
});
