/**
 * Issue 17: a site's look and proactive rules in the admin pages. A colour a white page
 * swallows is flagged, the preview shows the text colour the widget will use, and a rule
 * with its optional conditions left empty is saved without them.
 */
import type { SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agent, site as siteFixture } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

describe('site look and proactive help', () => {
  it('warns about a too-light colour, and saves the look and a rule', async () => {
    const site = siteFixture({ id: 'site-1' as SiteId, allowedOrigins: [], identitySecret: 'x' });
    const h = await renderConsole({ me: { role: 'admin', name: 'Root' }, hash: '#/admin/sites', api: { sites: [site], agents: [agent()] } });
    const form = await screen.findByRole('form', { name: 'Look and proactive help' });
    expect(within(form).queryByRole('note')).toBeNull();
    fireEvent.input(within(form).getByLabelText('Brand colour'), { target: { value: '#fde68a' } });
    expect(within(form).getByRole('note').textContent).toContain('too light');
    expect(form.textContent).toContain('Text on it: #000000');
    fireEvent.input(within(form).getByLabelText('Brand colour'), { target: { value: '#0f766e' } });
    expect(within(form).queryByRole('note')).toBeNull();
    expect(form.textContent).toContain('Text on it: #ffffff');

    fireEvent.change(within(form).getByLabelText('Launcher side'), { target: { value: 'left' } });
    fireEvent.input(within(form).getByLabelText('Distance from the bottom (px)'), { target: { value: '96' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a rule' }));
    const rule = within(form).getByRole('group', { name: 'Rule 1' });
    fireEvent.input(within(rule).getByLabelText('Page path (prefix, or * as a wildcard)'), { target: { value: '/sale' } });
    fireEvent.input(within(rule).getByLabelText('Message (English)'), { target: { value: 'Need a size?' } });
    fireEvent.input(within(rule).getByLabelText('Message (中文)'), { target: { value: '需要尺码吗？' } });
    fireEvent.submit(form);
    await within(form).findByText('Saved.');
    expect(h.apiState.looks?.['site-1']).toEqual({
      look: { color: '#0f766e', side: 'left', x: 20, y: 96, label: {}, showAgent: true },
      proactive: { rules: [{ id: 'rule-1', seconds: 30, url: '/sale', message: { en: 'Need a size?', zh: '需要尺码吗？' } }], capHours: 24 },
    });
  });
});
