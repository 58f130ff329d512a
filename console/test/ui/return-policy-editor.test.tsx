/**
 * The return policy editor (issue 12 leftovers): an admin edits the reasons (en + zh), marks
 * quality problems and the reply hours; mistakes are named before anything is sent, and the
 * server's refusal is shown too.
 */
import type { ReturnPolicy, SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agent, site as siteFixture } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const POLICY: ReturnPolicy = {
  reasons: [
    { id: 'damaged', label: { en: 'Arrived damaged', zh: '到货时已损坏' }, quality: true },
    { id: 'size', label: { en: 'Wrong size' }, quality: false },
  ],
  qualityReplyHours: 24,
};

async function open(onSet: (policy: ReturnPolicy) => { ok: true; data: { policy: ReturnPolicy } } | { ok: false; error: { code: 'validation_failed'; message: string } }) {
  const site = siteFixture({ id: 'site-1' as SiteId, allowedOrigins: [], identitySecret: 'x' });
  await renderConsole({
    me: { role: 'admin', name: 'Root' },
    hash: '#/admin/sites',
    api: { sites: [site], agents: [agent()] },
    setup: (t) => t.answer('return-policy:get', { policy: structuredClone(POLICY) }).handle('return-policy:set', ({ policy }) => onSet(policy as ReturnPolicy)),
  });
  return screen.findByRole('form', { name: 'Return policy' }, { timeout: 20_000 });
}

// Each test opens the Sites page (a lazy chunk) on a shared, loaded machine.
describe('return policy editor', { timeout: 30_000 }, () => {
  it('saves new reasons, labels, quality marks and reply hours', async () => {
    let saved: ReturnPolicy | null = null;
    const form = await open((policy) => ((saved = policy), { ok: true, data: { policy } }));
    const f = within(form);
    expect((f.getByLabelText('Reason 1 Chinese') as HTMLInputElement).value).toBe('到货时已损坏');
    fireEvent.click(f.getByLabelText('Reason 2 Quality problem'));
    fireEvent.click(f.getByRole('button', { name: 'Add a reason' }));
    fireEvent.input(f.getByLabelText('Reason 3 Id'), { target: { value: 'late' } });
    fireEvent.input(f.getByLabelText('Reason 3 English'), { target: { value: ' Arrived too late ' } });
    fireEvent.input(f.getByLabelText('Reason 3 Chinese'), { target: { value: '到得太晚' } });
    fireEvent.input(f.getByLabelText('Reply to a quality problem within (hours)'), { target: { value: '48' } });
    fireEvent.click(f.getByRole('button', { name: 'Remove Reason 1' }));
    fireEvent.submit(form);
    await waitFor(() => expect(saved).not.toBeNull());
    expect(saved).toEqual({
      qualityReplyHours: 48,
      reasons: [
        { id: 'size', label: { en: 'Wrong size' }, quality: true },
        { id: 'late', label: { en: 'Arrived too late', zh: '到得太晚' }, quality: false },
      ],
    });
    await f.findByRole('status');
    expect(f.getByRole('status').textContent).toBe('Return policy saved.');
  });

  it.each([
    ['a bad id', (f: ReturnType<typeof within>) => fireEvent.input(f.getByLabelText('Reason 2 Id'), { target: { value: 'Wrong Size' } }), 'Reason 2: the id is 1 to 40 small letters, digits, - or _.'],
    ['an id twice', (f: ReturnType<typeof within>) => fireEvent.input(f.getByLabelText('Reason 2 Id'), { target: { value: 'damaged' } }), 'Two reasons have the id “damaged”.'],
    ['no English label', (f: ReturnType<typeof within>) => fireEvent.input(f.getByLabelText('Reason 1 English'), { target: { value: '  ' } }), 'Reason 1: the English label is required (at most 100 characters).'],
    ['zero hours', (f: ReturnType<typeof within>) => fireEvent.input(f.getByLabelText('Reply to a quality problem within (hours)'), { target: { value: '0' } }), 'The reply time is a whole number of hours from 1 to 720.'],
    ['no reasons', (f: ReturnType<typeof within>) => (fireEvent.click(f.getByRole('button', { name: 'Remove Reason 2' })), fireEvent.click(f.getByRole('button', { name: 'Remove Reason 1' }))), 'Keep at least one reason.'],
  ])('names %s and sends nothing', async (_, mistake, message) => {
    let sent = 0;
    const form = await open((policy) => (sent++, { ok: true, data: { policy } }));
    mistake(within(form));
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe(message);
    expect(sent).toBe(0);
  });

  it("shows the server's refusal", async () => {
    const form = await open(() => ({ ok: false, error: { code: 'validation_failed', message: 'Two reasons have the same id.' } }));
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('Two reasons have the same id.');
  });
});
