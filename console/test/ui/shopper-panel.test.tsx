import type { Conversation, VisitorProfile } from '@counter/shared';
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agent, conversation, visitorProfile } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

/** The console on one of the agent's conversations, whose shopper is `visitor`; resolves to the shopper panel. */
async function panelFor(over: Partial<VisitorProfile>, previous: (c: Conversation) => Conversation[] = () => []) {
  const me = agent();
  const c = conversation({ agentId: me.id });
  const visitor = visitorProfile({ id: c.visitorId, ...over });
  const earlier = previous(c);
  await renderConsole({
    me,
    hash: `#/c/${c.id}`,
    setup: (t) =>
      t
        .answer('conversation:open', { conversation: c, visitor, previous: earlier })
        .answer('message:history', { messages: [], hasMore: false }),
  });
  return { c, earlier, panel: await screen.findByRole('complementary', { name: 'Shopper' }) };
}

describe('shopper panel', () => {
  it('shows identity, page, product, cart, trail and earlier conversations', async () => {
    const { panel, earlier } = await panelFor(
      {
        name: 'Mei Chen',
        email: 'mei@example.com',
        verified: true,
        nameVerified: true,
        emailVerified: true,
        externalId: 'cust-1',
        tier: 'vip',
        locale: 'zh',
        currentPage: { url: 'https://shop.test/p/2', title: 'Trail Runner 2', at: 1 },
        trail: [
          { url: 'https://shop.test/', title: 'Home', at: 1 },
          { url: 'javascript:alert(1)', title: 'Sneaky', at: 2 },
        ],
        product: { title: 'Trail Runner 2', price: 89, currency: 'USD', url: 'https://shop.test/p/2', image: 'http://insecure.test/x.png' },
        cart: { items: [{ title: 'Socks', quantity: 2, price: 5 }], total: 10, currency: 'USD' },
      },
      (c) => [conversation({ visitorId: c.visitorId, status: 'resolved', agentName: 'Bob', rating: { score: 5, comment: null, at: 1 }, tags: ['sizing'] })],
    );
    await within(panel).findByText('Mei Chen');
    expect(within(panel).getByLabelText('verified')).toBeTruthy();
    expect(within(panel).getByText('VIP')).toBeTruthy();
    expect(within(panel).getByText('mei@example.com')).toBeTruthy();
    expect(within(panel).getByText('中文 (Chinese)')).toBeTruthy();
    expect(within(panel).getByText('$89.00')).toBeTruthy();
    expect(within(panel).getByText('Socks')).toBeTruthy();
    expect(panel.querySelector('.cart-total')!.textContent).toBe('2 items$10.00');
    // A non-http(s) page URL is shown, not linked.
    expect(within(panel).getByText('Sneaky').tagName).toBe('SPAN');
    const link = within(panel).getByRole('link', { name: /Resolved · Bob · ★ 5 · sizing/ });
    expect(link.getAttribute('href')).toBe(`#/c/${earlier[0]!.id}`);
  });

  // Issue 10, item 3: with the plain HMAC only the id is signed; the name and email came from
  // the browser and must not sit beside the verified mark.
  it('never shows an unsigned name or email as verified', async () => {
    const { panel } = await panelFor({ name: 'Mallory', email: 'ceo@shop.test', verified: true, externalId: 'cust-9' });
    await within(panel).findByText('Mallory');
    expect(within(panel).queryByLabelText('verified')).toBeNull();
    expect(within(panel).queryByLabelText('verified email')).toBeNull();
    expect(within(panel).getByText('ID verified')).toBeTruthy();
    expect(within(panel).getByText('(not verified)')).toBeTruthy();
    expect(within(panel).getByText(/name and email not signed by the shop/)).toBeTruthy();
  });
});

describe("the shopper's product image", () => {
  it('is loaded from our server, never from the URL the shopper gave', async () => {
    const shopperUrl = 'https://tracker.shopper.test/pixel.png?who=agent';
    const { c, panel } = await panelFor({ product: { title: 'Trail Runner 2', image: shopperUrl } });
    await within(panel).findByText('Trail Runner 2');
    const images = [...document.querySelectorAll('img')];
    expect(images.map((img) => img.getAttribute('src'))).toEqual([`/api/v1/conversations/${c.id}/product-image`]);
    expect(document.documentElement.innerHTML).not.toContain('tracker.shopper.test');
  });
});
