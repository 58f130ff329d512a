import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SiteId } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/domain/crypto.js';
import { openStore } from '../../src/store/open-store.js';
import { signIdentity } from '../support/identity-signing.js';
import type { Store } from '../../src/store/store.js';
import { createDomain, SHOP, type Domain } from './harness.js';

describe('signed identity', () => {
  let dir: string;
  let store: Store;
  let d: Domain;
  let secret: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'counter-identity-'));
    store = await openStore({ dataDir: dir });
    d = await createDomain(store);
    secret = (await store.sites.byId(d.siteId as SiteId))!.identitySecret;
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const sign = (id: string, key = secret, tier?: 'vip') => signIdentity(key, id, tier);
  async function browser() {
    const { visitor, token } = await d.services.visitors.session({ siteId: d.siteId, pageOrigin: SHOP });
    return { visitor, session: { visitor, tokenHash: sha256(token) }, token };
  }

  it('leaves the shopper anonymous on a bad signature, changing nothing', async () => {
    const b = await browser();
    for (const signature of [sign('someone-else'), sign('cust-1', 'wrong-secret'), '0'.repeat(64)]) {
      await expect(d.services.visitors.identify(b.session, { id: 'cust-1', name: 'Mallory', signature })).rejects.toMatchObject({
        code: 'identity_rejected',
      });
    }
    expect(await store.visitors.byId(b.visitor._id)).toMatchObject({ verified: false, externalId: null, name: null });
    expect(await store.visitors.identity(d.siteId, 'cust-1')).toBeNull();
  });

  it('verifies a good signature and keeps name and email, marked as not signed', async () => {
    const b = await browser();
    const result = await d.services.visitors.identify(b.session, {
      id: 'cust-2',
      name: 'Li Lei',
      email: 'li@example.com',
      signature: sign('cust-2'),
    });
    expect(result).toMatchObject({ verified: true, token: null });
    expect(await store.visitors.byId(b.visitor._id)).toMatchObject({
      verified: true,
      externalId: 'cust-2',
      name: 'Li Lei',
      email: 'li@example.com',
      nameVerified: false,
      emailVerified: false,
    });
  });

  it('a second browser of the same customer sees their history; its own chat moves along', async () => {
    const laptop = await browser();
    await d.services.visitors.identify(laptop.session, { id: 'cust-3', signature: sign('cust-3') });
    const old = await d.ask(laptop.visitor, 'Where is my order?');

    const phone = await browser();
    const started = await d.ask(phone.visitor, 'Hello from the phone');
    const result = await d.services.visitors.identify(phone.session, { id: 'cust-3', signature: sign('cust-3') });
    expect(result.verified).toBe(true);
    expect(result.visitor._id).toBe(laptop.visitor._id);
    expect(result.token).not.toBeNull();
    // The phone's old token no longer works; the new one is the customer's.
    await expect(d.services.visitors.authenticate(d.siteId, phone.token)).rejects.toMatchObject({ code: 'unauthorized' });
    const switched = await d.services.visitors.authenticate(d.siteId, result.token!);
    expect(switched.visitor._id).toBe(laptop.visitor._id);
    const theirs = (await d.services.conversations.listForVisitor(switched.visitor)).map((c) => c._id);
    expect(theirs).toEqual(expect.arrayContaining([old._id, started._id]));
  });

  it('another customer signing in on the same browser never sees the previous one', async () => {
    const shared = await browser();
    await d.services.visitors.identify(shared.session, { id: 'cust-4', signature: sign('cust-4') });
    const private4 = await d.ask(shared.visitor, 'my address is ...');
    const result = await d.services.visitors.identify(shared.session, { id: 'cust-5', signature: sign('cust-5') });
    expect(result.verified).toBe(true);
    expect(result.visitor._id).not.toBe(shared.visitor._id);
    expect(result.token).not.toBeNull();
    const five = await d.services.visitors.authenticate(d.siteId, result.token!);
    const visible = (await d.services.conversations.listForVisitor(five.visitor)).map((c) => c._id);
    expect(visible).not.toContain(private4._id);
  });

  it('honours a VIP tier only when the signature covers it', async () => {
    const b = await browser();
    await expect(d.services.visitors.identify(b.session, { id: 'cust-6', tier: 'vip', signature: sign('cust-6') })).rejects.toMatchObject({
      code: 'identity_rejected',
    });
    const signed = await d.services.visitors.identify(b.session, { id: 'cust-6', tier: 'vip', signature: sign('cust-6', secret, 'vip') });
    expect(signed.verified).toBe(true);
    expect(await store.visitors.byId(b.visitor._id)).toMatchObject({ tier: 'vip', verified: true });
  });
});
