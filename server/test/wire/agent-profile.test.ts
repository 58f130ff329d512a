/**
 * Issue 16, item 4: agents set the name shoppers see, a picture and how they are notified.
 * A new name reaches the shopper of a conversation the agent holds; a picture is checked by
 * its bytes, served with its type and no sniffing; nobody sets someone else's profile here.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

/** The smallest valid PNG: 1x1, one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('agent profiles', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const call = (cookie: string, method: 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) =>
    server.app.inject({
      method,
      url,
      headers: { cookie, ...(payload !== undefined && { 'content-type': 'application/json' }) },
      ...(payload !== undefined && { payload: JSON.stringify(payload) }),
    });

  it('a new name reaches the shopper the agent is helping, live', async () => {
    const ann = await server.agent({ name: 'Admin' });
    const shop = await server.visitor();
    const { conversation } = ok(await visitorCommand(shop.socket, 'conversation:start', {}));
    const assigned = next(ann.socket as never, 'conversation:assigned');
    ok(await visitorCommand(shop.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'Hi' }));
    await assigned;

    const seen = next<{ conversation: { agentName: string | null } }>(shop.socket as never, 'conversation:updated', (p) => p.conversation.agentName === 'Mei');
    const res = await call(ann.cookie, 'PATCH', '/api/v1/auth/profile', { name: 'Mei' });
    expect(res.statusCode).toBe(200);
    expect(res.json().agent.name).toBe('Mei');
    await seen;
    const { conversations } = ok(await visitorCommand(shop.socket, 'conversation:list', {}));
    expect(conversations.find((c) => c.id === conversation.id)?.agentName).toBe('Mei');
  });

  it('keeps notification preferences, and refuses a blank name or a field that is not theirs to set', async () => {
    const bo = await server.agent({ name: 'Bo' });
    const prefs = await call(bo.cookie, 'PATCH', '/api/v1/auth/profile', { prefs: { sound: false } });
    expect(prefs.json().agent.prefs).toEqual({ sound: false, desktop: true });
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: bo.cookie } });
    expect(me.json().agent.prefs).toEqual({ sound: false, desktop: true });

    for (const body of [{ name: '   ' }, { role: 'owner' }, { capacity: 50 }]) {
      const res = await call(bo.cookie, 'PATCH', '/api/v1/auth/profile', body);
      expect(res.statusCode).toBe(400);
    }
    const after = await server.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: bo.cookie } });
    expect(after.json().agent).toMatchObject({ name: 'Bo', role: 'agent' });
  });

  it('stores a picture checked by its bytes and serves it as an image; removing it goes back to initials', async () => {
    const cy = await server.agent({ name: 'Cy' });
    const html = Buffer.from('<svg onload="alert(1)"></svg>').toString('base64');
    const refused = await call(cy.cookie, 'PUT', '/api/v1/auth/avatar', { image: html });
    expect(refused.statusCode).toBe(400);
    const tooBig = await call(cy.cookie, 'PUT', '/api/v1/auth/avatar', { image: Buffer.concat([PNG, Buffer.alloc(41 * 1024)]).toString('base64') });
    expect([400, 413]).toContain(tooBig.statusCode);

    const res = await call(cy.cookie, 'PUT', '/api/v1/auth/avatar', { image: PNG.toString('base64') });
    expect(res.statusCode).toBe(200);
    const url: string = res.json().agent.avatarUrl;
    expect(url).toMatch(/^\/api\/v1\/avatars\/.+\?v=[0-9a-f]{16}$/);
    const picture = await server.app.inject({ method: 'GET', url });
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    expect(picture.headers['x-content-type-options']).toBe('nosniff');
    expect(picture.rawPayload.equals(PNG)).toBe(true);

    const removed = await call(cy.cookie, 'DELETE', '/api/v1/auth/avatar');
    expect(removed.json().agent.avatarUrl).toBeNull();
    expect((await server.app.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});
