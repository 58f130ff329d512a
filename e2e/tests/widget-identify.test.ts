/**
 * Signed identity: `Counter('identify', {id, ..., signature})` links the shopper to the
 * merchant's customer only when the HMAC matches. With a bad signature the shopper stays
 * anonymous and sees none of that customer's history; with a good one, in another browser,
 * the customer's conversation follows them.
 */
import { identityJwt, signIdentity } from '@counter/server/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { openChat, send, shopPage, storedToken } from '../support/widget.js';

const CUSTOMER = 'cust-42';

describe('identify', () => {
  const world = useShopWorld();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await world.server.agent({ name: 'Ann' });
    const good = signIdentity(world.site.identitySecret, CUSTOMER);
    const bad = signIdentity('not-the-secret', CUSTOMER);
    const jwt = await identityJwt(world.site.identitySecret, { sub: 'cust-77', name: 'Jun', email: 'jun@example.com' });
    const identities = {
      '/good': { id: CUSTOMER, name: 'Mia', email: 'mia@example.com', signature: good },
      '/bad': { id: CUSTOMER, name: 'Mia', email: 'mia@example.com', signature: bad },
      '/jwt': { jwt },
    };
    for (const [path, identity] of Object.entries(identities)) {
      world.shop.page(path, shopPage({ chatUrl: world.server.url, siteId: world.site.id, calls: `Counter('identify', ${JSON.stringify(identity)});` }));
    }
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  /** A shopper in a browser of their own (own storage), on one of the shop's pages. */
  async function shopper(path: string): Promise<Page> {
    const context = await world.browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(world.shop.origin + path);
    return page;
  }

  async function visitorOf(page: Page) {
    const token = await storedToken(page, world.site.id);
    return (await world.server.app.services.visitors.authenticate(world.site.id as never, token!)).visitor;
  }

  it('verifies a good signature, keeps a bad one anonymous, and shows history only to the verified', async () => {
    const mia = await shopper('/good');
    const frame = await openChat(mia);
    await send(frame, 'Where is my order 1001?');
    await frame.getByText('Where is my order 1001?', { exact: true }).waitFor();
    await expect.poll(async () => (await visitorOf(mia)).verified).toBe(true);
    expect(await visitorOf(mia)).toMatchObject({ externalId: CUSTOMER, name: 'Mia', email: 'mia@example.com' });

    const impostor = await shopper('/bad');
    // Issue 10, item 16: the merchant sees why in the page's console.
    const warned = impostor.waitForEvent('console', (m) => m.type() === 'warning' && m.text().includes('identify was refused'));
    const other = await openChat(impostor);
    expect((await warned).text()).toMatch(/identity_rejected.*does not match/);
    await send(other, 'Hello?');
    await other.getByText('Hello?', { exact: true }).waitFor();
    const anonymous = await visitorOf(impostor);
    expect(anonymous).toMatchObject({ verified: false, externalId: null, name: null });
    expect(anonymous._id).not.toBe((await visitorOf(mia))._id);
    expect(await other.getByText('Where is my order 1001?').count()).toBe(0);

    // Mia on another device: the verified identity brings her conversation along.
    const miaAgain = await shopper('/good');
    const again = await openChat(miaAgain);
    await again.getByText('Where is my order 1001?', { exact: true }).waitFor();
    expect((await visitorOf(miaAgain))._id).toBe((await visitorOf(mia))._id);
    expect(await other.getByText('Where is my order 1001?').count()).toBe(0);
  });

  it('verifies a JWT: its name and email reach agents as signed', async () => {
    const jun = await shopper('/jwt');
    const frame = await openChat(jun);
    await send(frame, 'Hello from Jun');
    await frame.getByText('Hello from Jun', { exact: true }).waitFor();
    await expect.poll(async () => (await visitorOf(jun)).verified).toBe(true);
    expect(await visitorOf(jun)).toMatchObject({ externalId: 'cust-77', name: 'Jun', nameVerified: true, emailVerified: true });
  });
});
