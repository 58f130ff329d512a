import { randomUUID } from 'node:crypto';
import type { VisitorId } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, SHOP_ORIGIN, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/**
 * Issue 10, item 10: visitor sessions were kept forever and one address could create 600 a
 * minute. Unused visitors now expire after VISITOR_SESSION_TTL_DAYS (unless they have a
 * conversation with messages), and an address creates at most VISITOR_NEW_PER_MINUTE.
 */
const DAY = 86_400_000;

describe('unused visitor sessions expire', () => {
  let server: TestServer;
  let now = Date.now();
  beforeAll(async () => {
    server = await startTestServer({ config: { visitorSessionTtlMs: 30 * DAY }, deps: { clock: { now: () => now } } });
  });
  afterAll(() => server.close());

  const session = (token?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/visitor/sessions',
      payload: { siteId: server.site.id, pageOrigin: SHOP_ORIGIN, ...(token ? { token } : {}) },
    });
  const visitorOf = (id: string) => server.app.store.visitors.byId(id as VisitorId);

  it('deletes a visitor unseen for the TTL with its token and empty conversation, and keeps the others', async () => {
    const idle = await server.visitor();
    const idleStarted = ok(await visitorCommand(idle.socket, 'conversation:start', {})).conversation;
    const talked = await server.visitor();
    const { conversation } = ok(await visitorCommand(talked.socket, 'conversation:start', {}));
    ok(await visitorCommand(talked.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Is this in stock?' }));
    const returning = await server.visitor();
    for (const v of [idle, talked, returning]) v.socket.disconnect();

    now += 29 * DAY;
    // Coming back (a page load with the token) counts as being seen.
    expect((await session(returning.token)).json().visitorId).toBe(returning.session.visitorId);
    now += 2 * DAY;

    // An agent session that ended and was never used again goes in the same run.
    await server.app.store.sessions.create({ _id: 'ended-session', agentId: 'a' as never, createdAt: 0, expiresAt: now - DAY });

    const result = await server.app.housekeeping.run();
    expect(result).toMatchObject({ deleted: 1, retained: 1 });
    expect(await server.app.store.sessions.byHash('ended-session')).toBeNull();
    expect(await visitorOf(idle.session.visitorId)).toBeNull();
    expect(await server.app.store.conversations.byId(idleStarted.id as never)).toBeNull();
    expect(await visitorOf(talked.session.visitorId)).not.toBeNull();
    expect(await visitorOf(returning.session.visitorId)).not.toBeNull();

    // The expired token starts a new visitor; the kept ones still work.
    expect((await session(idle.token)).json().visitorId).not.toBe(idle.session.visitorId);
    expect((await session(talked.token)).json().visitorId).toBe(talked.session.visitorId);
    const again = await server.visitor({ token: talked.token });
    expect(ok(await visitorCommand(again.socket, 'conversation:list', {})).conversations.map((c) => c.id)).toEqual([conversation.id]);

    // A second run finds nothing new: the retained visitor is not looked at again.
    now += 60 * DAY;
    const second = await server.app.housekeeping.run();
    expect(second.retained).toBe(0);
    expect(await visitorOf(talked.session.visitorId)).not.toBeNull();
  });
});

describe('new visitors per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { visitorNewPerMinute: 20 } });
  });
  afterAll(() => server.close());

  const session = (ip: string, token?: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/v1/visitor/sessions',
      remoteAddress: ip,
      payload: { siteId: server.site.id, pageOrigin: SHOP_ORIGIN, ...(token ? { token } : {}) },
    });

  it('creates 20 a minute for one address, then answers rate_limited with Retry-After', async () => {
    const ip = '10.20.0.1';
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await session(ip, i % 2 ? 'not-a-valid-token-000000000' : undefined);
      expect(res.statusCode).toBe(200);
      tokens.push(res.json().token);
    }
    const refused = await session(ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // A garbage token is a new visitor too: refused as well.
    expect((await session(ip, 'not-a-valid-token-000000000')).statusCode).toBe(429);

    // Known visitors from that address still get their session; other addresses are unaffected.
    expect((await session(ip, tokens[0])).statusCode).toBe(200);
    expect((await session('10.20.0.2')).statusCode).toBe(200);
  });
});

describe('page-load requests per address', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { visitorSessionsPerMinute: 5 } });
  });
  afterAll(() => server.close());

  it('bounds sessions and unread checks per address, each on its own count', async () => {
    const ip = '10.30.0.1';
    const first = await server.app.inject({
      method: 'POST',
      url: '/api/v1/visitor/sessions',
      remoteAddress: ip,
      payload: { siteId: server.site.id, pageOrigin: SHOP_ORIGIN },
    });
    const { token } = first.json();
    const session = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/visitor/sessions',
        remoteAddress: ip,
        payload: { siteId: server.site.id, pageOrigin: SHOP_ORIGIN, token },
      });
    const unread = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/visitor/unread',
        remoteAddress: ip,
        headers: { 'content-type': 'text/plain', origin: SHOP_ORIGIN },
        payload: JSON.stringify({ siteId: server.site.id, token }),
      });
    for (let i = 0; i < 4; i++) expect((await session()).statusCode).toBe(200);
    expect((await session()).statusCode).toBe(429);
    for (let i = 0; i < 5; i++) expect((await unread()).statusCode).toBe(200);
    const refused = await unread();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
  });
});
