/**
 * Issue 16, item 5: with two shops, every conversation row and header names its site; with
 * one shop nothing is added.
 */
import type { SiteId } from '@counter/shared';
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxItem } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const SHOES = 'site-shoes' as SiteId;
const BAGS = 'site-bags' as SiteId;

function items() {
  return [
    inboxItem({ siteId: SHOES, lastMessagePreview: 'Sizes?' }, { name: 'Mei' }),
    inboxItem({ siteId: BAGS, lastMessagePreview: 'Strap?' }, { name: 'Lucas' }),
  ];
}

describe('site names on conversations', () => {
  it('names the site on each row when the agent works for two', async () => {
    await renderConsole({
      setup: (t) =>
        t.answer('inbox:list', { items: items() }).answer('sites:list', { sites: [{ id: SHOES, name: 'Shoe shop' }, { id: BAGS, name: 'Bag shop' }] }),
    });
    const list = await screen.findByRole('list', { name: 'My conversations' });
    const mei = (await within(list).findByText('Mei')).closest('li')!;
    const lucas = within(list).getByText('Lucas').closest('li')!;
    expect(within(mei).getByText('Shoe shop')).toBeTruthy();
    expect(within(lucas).getByText('Bag shop')).toBeTruthy();
  });

  it('adds nothing for an agent of one site', async () => {
    await renderConsole({
      setup: (t) => t.answer('inbox:list', { items: items() }).answer('sites:list', { sites: [{ id: SHOES, name: 'Shoe shop' }] }),
    });
    const list = await screen.findByRole('list', { name: 'My conversations' });
    await within(list).findByText('Mei');
    expect(within(list).queryByText('Shoe shop')).toBeNull();
  });
});
