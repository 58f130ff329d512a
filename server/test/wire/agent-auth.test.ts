import { PROTOCOL_VERSION } from '@counter/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { next, startTestServer, type TestServer } from '../support/test-server.js';

/** Failures per account; an address gets ten times as many (app.ts). */
const MAX_FAILURES = 2;

describe('agent sign-in and sessions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { loginMaxFailures: MAX_FAILURES } });
  });
  afterAll(() => server.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

  async function refused(cookie: string): Promise<string> {
    const socket = io(`${server.url}/agent`, {
      auth: { v: PROTOCOL_VERSION },
      extraHeaders: { cookie },
      transports: ['websocket'],
      reconnection: false,
    });
    try {
      return await new Promise<string>((resolve, reject) => {
        socket.on('connect', () => reject(new Error('connected with a revoked session')));
        socket.on('connect_error', (err) => resolve((err as Error & { data?: { code: string } }).data?.code ?? err.message));
      });
    } finally {
      socket.disconnect();
    }
  }

  it('answers who is signed in without an error when nobody is (the console asks it on every visit)', async () => {
    const session = (cookie?: string) =>
      server.app.inject({ method: 'GET', url: '/api/v1/auth/session', ...(cookie && { headers: { cookie } }) });
    const stranger = await session();
    expect([stranger.statusCode, stranger.json()]).toEqual([200, { agent: null }]);
    const forged = await session('counter_session=not-a-session');
    expect([forged.statusCode, forged.json()]).toEqual([200, { agent: null }]);

    const agent = await server.agent({ online: false });
    const signedIn = await session(agent.cookie);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().agent).toMatchObject({ email: agent.email });
    await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: agent.cookie } });
    expect((await session(agent.cookie)).json()).toEqual({ agent: null });
  });

  it('refuses a wrong password, and an unknown email, with the same answer', async () => {
    const { email } = await server.agent({ online: false });
    const wrong = await login(email, 'not-the-password');
    const unknown = await login('nobody@example.com', 'not-the-password');
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong email or password.' } });
      expect(res.cookies).toEqual([]);
    }
  });

  it('throttles repeated failures, even with the right password afterwards', async () => {
    const { email, password } = await server.agent({ online: false });
    for (let i = 0; i < MAX_FAILURES; i++) expect((await login(email, 'guess-' + i)).statusCode).toBe(401);
    const blocked = await login(email, password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.cookies).toEqual([]);
  });

  // Every attempt costs a real scrypt (unknown emails too, so timing tells nothing): slow
  // on a busy machine, hence the longer limit.
  it('throttles one address guessing across many accounts', { timeout: 120_000 }, async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < MAX_FAILURES * 10; i++) expect((await login(`someone${i}@example.com`, 'guess', ip)).statusCode).toBe(401);
    const { email, password } = await server.agent({ online: false });
    expect((await login(email, password, ip)).statusCode).toBe(429);
    expect((await login(email, password, '10.1.1.1')).statusCode).toBe(200);
  });

  it('sets an httpOnly, SameSite=Strict session cookie', async () => {
    const { email, password } = await server.agent({ online: false });
    const res = await login(email, password, '10.2.2.2');
    const cookie = res.cookies.find((c) => c.name === 'counter_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('logout closes open sockets and the session cannot reconnect', async () => {
    const agent = await server.agent({ online: false });
    const revoked = next(agent.socket as never, 'session:revoked');
    const closed = new Promise((resolve) => agent.socket.on('disconnect', resolve));
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: agent.cookie } });
    expect(res.statusCode).toBe(204);
    await revoked;
    await closed;
    expect(await refused(agent.cookie)).toBe('unauthorized');
    const me = await server.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: agent.cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('a password change revokes every session (other browsers included) and issues a new one', async () => {
    const agent = await server.agent({ online: false });
    const otherBrowser = await server.login(agent.email, agent.password);
    const otherSocket = await server.connectAgent(otherBrowser);
    const otherClosed = new Promise((resolve) => otherSocket.on('disconnect', resolve));
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: agent.cookie },
      payload: { currentPassword: agent.password, newPassword: 'a-brand-new-password' },
    });
    expect(res.statusCode).toBe(204);
    await otherClosed;
    expect(await refused(otherBrowser)).toBe('unauthorized');
    expect(await refused(agent.cookie)).toBe('unauthorized');
    const fresh = res.cookies.find((c) => c.name === 'counter_session')!;
    const socket = await server.connectAgent(`counter_session=${fresh.value}`);
    expect(socket.connected).toBe(true);
    expect((await login(agent.email, agent.password, '10.3.3.3')).statusCode).toBe(401);
    expect((await login(agent.email, 'a-brand-new-password', '10.3.3.3')).statusCode).toBe(200);
  });

  it('only admins manage agents and sites', async () => {
    const agent = await server.agent({ online: false });
    for (const [method, url] of [
      ['GET', '/api/v1/agents'],
      ['POST', '/api/v1/sites'],
    ] as const) {
      const res = await server.app.inject({ method, url, headers: { cookie: agent.cookie }, payload: {} });
      expect(res.statusCode).toBe(403);
    }
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/v1/agents' });
    expect(anonymous.statusCode).toBe(401);
    const admin = await server.login(server.adminEmail, server.adminPassword);
    const res = await server.app.inject({ method: 'GET', url: '/api/v1/agents', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.json().agents.some((a: { email: string }) => a.email === agent.email)).toBe(true);
    expect(JSON.stringify(res.json())).not.toContain('passwordHash');
  });

  it('refuses a socket from another origin (cross-site WebSocket hijacking)', async () => {
    const agent = await server.agent({ online: false });
    const socket = io(`${server.url}/agent`, {
      auth: { v: PROTOCOL_VERSION },
      extraHeaders: { cookie: agent.cookie, origin: 'https://evil.example' },
      transports: ['websocket'],
      reconnection: false,
    });
    const code = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (err) => resolve((err as Error & { data?: { code: string } }).data?.code ?? ''));
    });
    socket.disconnect();
    expect(code).toBe('origin_not_allowed');
  });
});
