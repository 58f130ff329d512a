/**
 * Issue 10, items 3 and 16: the signed identity is unambiguous (v2 HMAC), a JWT option
 * carries signed name/email/tier with expiry and key rotation, and a claim that does not
 * verify is refused with a reason and counted for the site's admin page.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { IdentityCheckReport, InboxItem } from '@counter/shared';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityJwt, signIdentity, unsignedJwt } from '../support/identity-signing.js';
import { startMongoWire } from '../support/mongo-wire.js';
import { next, ok, startTestServer, visitorCommand, type TestServer, type VisitorSocket } from '../support/test-server.js';

const wire = await startMongoWire();
afterAll(async () => {
  if (!('skipped' in wire)) await wire.server.dispose();
});

// Both store adapters: the rotation writes a nested document and the counter increments.
for (const backend of ['embedded', 'mongodb'] as const) {
  describe.skipIf(backend === 'mongodb' && 'skipped' in wire)(`signed identity (${backend} store)`, () => {
    let server: TestServer;
    /** The server's clock runs `offset` ms ahead of the real one: grace periods pass without waiting. */
    let offset = 0;

    beforeAll(async () => {
      const config = backend === 'mongodb' && !('skipped' in wire) ? { mongodbUrl: wire.server.url } : {};
      server = await startTestServer({ config, deps: { clock: { now: () => Date.now() + offset } } });
    });
    afterAll(() => server.close());

    const secret = () => server.site.identitySecret;
    const identify = (socket: VisitorSocket, claim: Parameters<typeof visitorCommand<'visitor:identify'>>[2]) =>
      visitorCommand(socket, 'visitor:identify', claim);
    /** Signed in afresh each time: a jump of the clock past the session's lifetime ends the last one. */
    const admin = async (method: 'GET' | 'PATCH', url: string, payload?: object) => {
      const cookie = await server.login(server.adminEmail, server.adminPassword);
      return server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    };

    async function site() {
      const res = await admin('GET', '/api/v1/sites');
      return (res.json() as { sites: (typeof server.site)[] }).sites.find((s) => s.id === server.site.id)!;
    }
    async function identityChecks(): Promise<IdentityCheckReport> {
      const res = await admin('GET', `/api/v1/sites/${server.site.id}/identity-checks`);
      expect(res.statusCode).toBe(200);
      return (res.json() as { identityChecks: IdentityCheckReport }).identityChecks;
    }
    function expectRefused(ack: Awaited<ReturnType<typeof identify>>, reason: RegExp) {
      expect(ack).toMatchObject({ ok: false, error: { code: 'identity_rejected' } });
      if (!ack.ok) expect(ack.error.message).toMatch(reason);
    }

    it('refuses the signature of the id "victim:vip" as { id: "victim", tier: "vip" }', async () => {
      // The victim has a history.
      const victim = await server.visitor();
      ok(await identify(victim.socket, { id: 'victim', signature: signIdentity(secret(), 'victim') }));
      const { conversation } = ok(await visitorCommand(victim.socket, 'conversation:start', {}));
      ok(await visitorCommand(victim.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'My address is …' }));

      // The attacker registered the customer id "victim:vip" at the shop, which signs it for them.
      const attacker = await server.visitor();
      ok(await identify(attacker.socket, { id: 'victim:vip', signature: signIdentity(secret(), 'victim:vip') }));
      const mallory = await server.visitor();
      expectRefused(await identify(mallory.socket, { id: 'victim', tier: 'vip', signature: signIdentity(secret(), 'victim:vip') }), /does not match/);
      // The old encoding ("id:tier") is never accepted: it is exactly the forgery.
      const legacy = createHmac('sha256', secret()).update('victim:vip').digest('hex');
      expectRefused(await identify(mallory.socket, { id: 'victim', tier: 'vip', signature: legacy }), /old format/);
      expect(ok(await visitorCommand(mallory.socket, 'conversation:list', {})).conversations).toEqual([]);
    });

    it('accepts a JWT and shows its name and email as verified; a plain HMAC never verifies name or email', async () => {
      const agent = await server.agent({ name: 'Vera' });
      async function assignedVisitor(socket: VisitorSocket) {
        const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
        const assigned = next<{ item: InboxItem }>(agent.socket as never, 'conversation:assigned', (e) => e.item.conversation.id === conversation.id);
        ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hi' }));
        const { item } = await assigned;
        ok(await visitorCommand(socket, 'conversation:list', {}));
        return item.visitor;
      }

      const signed = await server.visitor();
      const jwt = await identityJwt(secret(), { sub: 'jwt-1', name: 'Jia Wei', email: 'jia@example.com', tier: 'vip' });
      expect(ok(await identify(signed.socket, { jwt }))).toMatchObject({ verified: true });
      expect(await assignedVisitor(signed.socket)).toMatchObject({
        name: 'Jia Wei',
        email: 'jia@example.com',
        tier: 'vip',
        verified: true,
        nameVerified: true,
        emailVerified: true,
      });

      // The plain HMAC covers id and tier only: the browser may have put anyone's email beside them.
      const plain = await server.visitor();
      ok(await identify(plain.socket, { id: 'hmac-1', name: 'The CEO', email: 'ceo@shop.test', signature: signIdentity(secret(), 'hmac-1') }));
      expect(await assignedVisitor(plain.socket)).toMatchObject({
        name: 'The CEO',
        email: 'ceo@shop.test',
        verified: true,
        nameVerified: false,
        emailVerified: false,
      });
    });

    it('refuses expired, exp-less, unsigned, other-algorithm, far-future and unknown-kid tokens', async () => {
      const { socket } = await server.visitor();
      const claims = { sub: 'jwt-2', email: 'someone@example.com' };
      expectRefused(await identify(socket, { jwt: await identityJwt(secret(), claims, { expiresIn: -3600 }) }), /expired/);
      expectRefused(await identify(socket, { jwt: await identityJwt(secret(), claims, { expiresIn: null }) }), /"exp"/);
      expectRefused(await identify(socket, { jwt: unsignedJwt({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 }) }), /HS256/);
      const hs512 = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS512' })
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(secret()));
      expectRefused(await identify(socket, { jwt: hs512 }), /HS256/);
      expectRefused(await identify(socket, { jwt: await identityJwt(secret(), claims, { expiresIn: 30 * 24 * 3600 }) }), /too far/);
      expectRefused(await identify(socket, { jwt: await identityJwt(secret(), claims, { kid: 'nope' }) }), /kid/);
      expectRefused(await identify(socket, { jwt: await identityJwt('not-the-secret', claims) }), /does not match/);
      expectRefused(await identify(socket, { jwt: 'not.a.jwt' }), /format/);
      expectRefused(await identify(socket, { jwt: await identityJwt(secret(), { sub: 'jwt-2', email: 'not an email' }) }), /claims/);
      // A token with a small clock difference still verifies.
      ok(await identify(socket, { jwt: await identityJwt(secret(), claims, { now: Date.now() + 30_000 }) }));
    });

    it('keeps the previous secret for the grace period after a rotation, and not after', async () => {
      const before = await site();
      const oldSecret = before.identitySecret;
      const oldKid = before.identityKeyId;
      const res = await admin('PATCH', `/api/v1/sites/${server.site.id}`, { rotateIdentitySecret: true });
      expect(res.statusCode).toBe(200);
      const after = await site();
      expect(after.identitySecret).not.toBe(oldSecret);
      expect(after.identityKeyId).not.toBe(oldKid);
      expect(after.previousIdentityKey).toMatchObject({ keyId: oldKid });
      const graceEnds = after.previousIdentityKey!.until;
      expect(graceEnds - (Date.now() + offset)).toBeGreaterThan(23 * 3600_000);

      const { socket } = await server.visitor();
      const oldToken = await identityJwt(oldSecret, { sub: 'rot-1' }, { kid: oldKid, now: graceEnds - 3600_000 });
      const newToken = (now: number) => identityJwt(after.identitySecret, { sub: 'rot-1' }, { kid: after.identityKeyId, now });
      // Within the grace period: the old secret (JWT by kid, plain HMAC) and the new one verify.
      offset = graceEnds - 3600_000 - Date.now();
      ok(await identify(socket, { jwt: oldToken }));
      ok(await identify(socket, { id: 'rot-1', signature: signIdentity(oldSecret, 'rot-1') }));
      ok(await identify(socket, { jwt: await newToken(graceEnds - 3600_000) }));
      // After it: only the new one.
      offset = graceEnds + 1000 - Date.now();
      const later = await identityJwt(oldSecret, { sub: 'rot-1' }, { kid: oldKid, now: graceEnds + 1000 });
      expectRefused(await identify(socket, { jwt: later }), /kid/);
      expectRefused(await identify(socket, { id: 'rot-1', signature: signIdentity(oldSecret, 'rot-1') }), /does not match/);
      ok(await identify(socket, { jwt: await newToken(graceEnds + 1000) }));
      expect((await site()).previousIdentityKey).toBeNull();

      // A leaked secret: rotating and ending the grace stops the old one at once.
      offset = 0;
      const current = await site();
      await admin('PATCH', `/api/v1/sites/${server.site.id}`, { rotateIdentitySecret: true, endIdentitySecretGrace: true });
      expect((await site()).previousIdentityKey).toBeNull();
      expectRefused(await identify(socket, { id: 'rot-1', signature: signIdentity(current.identitySecret, 'rot-1') }), /does not match/);
      server.site.identitySecret = (await site()).identitySecret;
    });

    it('counts refused claims per site for the admin page, with the last reason', async () => {
      const start = await identityChecks();
      const { socket } = await server.visitor();
      expectRefused(await identify(socket, { id: 'c-1', signature: 'not-hex' }), /format/);
      expectRefused(await identify(socket, { jwt: await identityJwt(server.site.identitySecret, { sub: 'c-1' }, { expiresIn: -600 }) }), /expired/);
      // The count is written after the refusal is answered: poll (generously: a loaded CI).
      await expect
        .poll(async () => {
          const checks = await identityChecks();
          return { failed: checks.failedLast24h, reason: checks.lastFailure?.reason };
        }, { timeout: 10_000 })
        .toEqual({ failed: start.failedLast24h + 2, reason: 'expired' });
      // Staff who do not administer the site learn nothing.
      const plain = await server.agent({ name: 'Pat' });
      const res = await server.app.inject({
        method: 'GET',
        url: `/api/v1/sites/${server.site.id}/identity-checks`,
        headers: { cookie: plain.cookie },
      });
      expect(res.statusCode).toBe(403);
    });
  });
}
