import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderConsole } from '../support/render-console.js';
import { inboxItem } from '../support/fixtures.js';

afterEach(cleanup);

describe('shell', () => {
  it('signs in from the form and shows an error for a wrong password', async () => {
    const h = await renderConsole({ signedIn: false });
    // The sign-in page is a lazy chunk: wait for it.
    fireEvent.input(await screen.findByLabelText('Email', {}, { timeout: 5000 }), { target: { value: h.me.email } });
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct-horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('radiogroup', { name: 'Your status' });
  });

  it('switches status; the server keeps it', async () => {
    const h = await renderConsole({ me: { status: 'offline' } });
    h.transport.handle('agent:status', (p) => ({ ok: true, data: { agent: { ...h.me, status: p.status } } }));
    const group = screen.getByRole('radiogroup', { name: 'Your status' });
    expect(within(group).getByRole('radio', { name: 'Offline' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(within(group).getByRole('radio', { name: 'Online' }));
    await screen.findByRole('radio', { name: 'Online', checked: true });
    expect(h.transport.callsOf('agent:status')).toEqual([{ status: 'online' }]);
    expect(h.prepared).toBe(1);
  });

  it('opens the shortcut help with ? and moves through conversations with j/k', async () => {
    const a = inboxItem({ awaitingReplySince: 1 }, { name: 'Ada' });
    const b = inboxItem({ awaitingReplySince: 2 }, { name: 'Bea' });
    const h = await renderConsole({ setup: (t) => t.answer('inbox:list', { items: [a, b] }) });
    await screen.findByText('Ada');
    fireEvent.keyDown(document.body, { key: '?' });
    // A lazy chunk: its first import is transformed on the spot, slow on a loaded machine.
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' }, { timeout: 5000 });
    for (const label of ['Next conversation', 'Previous conversation', 'Reply: focus the composer', 'Resolve the conversation', 'Transfer the conversation']) {
      expect(within(help).getByText(label)).toBeTruthy();
    }
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(document.body, { key: 'j' });
    expect(h.app.stores.route.getState().route).toEqual({ name: 'conversation', id: a.conversation.id });
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(h.app.stores.route.getState().route).toEqual({ name: 'conversation', id: b.conversation.id });
    fireEvent.keyDown(document.body, { key: 'k' });
    expect(h.app.stores.route.getState().route).toEqual({ name: 'conversation', id: a.conversation.id });
  });

  it('hides admin pages from agents', async () => {
    const h = await renderConsole({ hash: '#/admin/agents' });
    expect(screen.queryByRole('link', { name: 'Agents' })).toBeNull();
    expect(screen.getByText('Admins only')).toBeTruthy();
    h.location.set('#/canned');
    await screen.findByRole('heading', { name: 'Canned replies' }, { timeout: 5000 });
  });
});
