/**
 * Issue 16, item 6: owners and admins get a getting-started checklist until they hide it;
 * each step ticks from what the server says, and hiding it is kept on the server.
 */
import type { Site, SiteId } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agent, site as siteFixture } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const shop = (over: Partial<Site> = {}): Site => siteFixture({ id: 'site-shop' as SiteId, name: 'Tea shop', ...over });
const stepDone = (region: HTMLElement, id: string) => region.querySelector(`[data-step="${id}"]`)?.getAttribute('data-done');

describe('getting-started checklist', () => {
  it('ticks copy, widget seen and invite from the server, gives the snippets, and stays hidden once hidden', async () => {
    const h = await renderConsole({ me: { role: 'owner', name: 'Root', status: 'offline' }, api: { sites: [shop()] } });
    const card = await screen.findByRole('region', { name: 'Getting started' });
    expect(within(card).getByText('0 of 4 done')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Show the snippet' }));
    const page = await within(card).findByLabelText('Snippet: On every page');
    expect(page.textContent).toContain('data-site="site-shop"');
    expect(page.textContent).toContain("Counter('identify'");
    expect(page.textContent).toContain("Counter('setContext'");
    fireEvent.click(within(card).getByRole('tab', { name: 'PHP' }));
    expect(within(card).getByLabelText('Snippet: PHP').textContent).toContain("hash_hmac('sha256', 'v2|'");
    fireEvent.click(within(card).getAllByRole('button', { name: 'Copy' })[0]!);
    await waitFor(() => expect(h.apiState.me?.prefs.snippetCopied).toBe(true));
    await waitFor(() => expect(stepDone(card, 'copy')).toBe('true'));

    // The widget loaded on the shop and a colleague was added: seen when the console looks again.
    h.apiState.sites = [shop({ widgetSeenAt: Date.UTC(2026, 11, 3, 9, 30) })];
    h.apiState.agents = [agent({ name: 'Mei' })];
    await h.app.stores.adminAgents.getState().load();
    window.dispatchEvent(new Event('focus'));
    await waitFor(() => expect(stepDone(card, 'seen')).toBe('true'));
    expect(within(card).getByText(/Tea shop,/)).toBeTruthy();
    expect(stepDone(card, 'invite')).toBe('true');
    expect(stepDone(card, 'online')).toBe('false');

    fireEvent.click(within(card).getByRole('button', { name: 'Hide this checklist' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull());
    expect(h.apiState.me?.prefs.checklistHidden).toBe(true);
  });

  it('is not shown to agents', async () => {
    await renderConsole({ me: { role: 'agent' } });
    await screen.findByRole('link', { name: /Conversations/ });
    expect(screen.queryByRole('region', { name: 'Getting started' })).toBeNull();
  });

  it('speaks Chinese for a person who chose it', async () => {
    await renderConsole({ me: { role: 'admin', status: 'offline', prefs: { sound: true, desktop: true, locale: 'zh' } }, api: { sites: [shop()] } });
    const card = await screen.findByRole('region', { name: '快速上手' });
    expect(within(card).getByText('复制安装代码')).toBeTruthy();
    expect(within(card).getByRole('button', { name: '切换为在线' })).toBeTruthy();
  });
});
