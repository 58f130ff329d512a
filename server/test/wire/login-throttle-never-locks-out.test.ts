import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 10, item 7: five wrong passwords for an email locked the real agent out for 15
 * minutes, right password or not, and the default admin email is public. Failures now slow
 * down the (account, address) pair that made them, with a doubling wait, and the right
 * password from an address with no failures is never refused for them.
 */
describe('login throttling slows guessing and never locks the account', () => {
  let server: TestServer;
  let now = 1_000_000;
  const FREE = 3;
  beforeAll(async () => {
    server = await startTestServer({ config: { loginMaxFailures: FREE }, deps: { clock: { now: () => now } } });
  });
  afterAll(() => server.close());

  const login = (email: string, password: string, ip: string) =>
    server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

  it('lets the owner in from their own address while someone hammers the public admin email', async () => {
    const attacker = '10.66.0.1';
    const codes: number[] = [];
    for (let i = 0; i < 20; i++) codes.push((await login(server.adminEmail, `guess-${i}`, attacker)).statusCode);
    expect(codes.slice(0, FREE)).toEqual(Array(FREE).fill(401));
    expect(codes.slice(FREE)).toEqual(Array(20 - FREE).fill(429));

    const owner = await login(server.adminEmail, server.adminPassword, '10.77.0.1');
    expect(owner.statusCode).toBe(200);
    expect(owner.cookies.some((c) => c.name === 'counter_session')).toBe(true);
  });

  it('makes each further attempt of the pair wait twice as long, with Retry-After', async () => {
    const { email, password } = await server.agent({ online: false });
    const ip = '10.88.0.1';
    for (let i = 0; i < FREE; i++) expect((await login(email, 'wrong', ip)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await login(email, password, ip);
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error).toMatchObject({ code: 'too_many_attempts' });
      const wait = Number(refused.headers['retry-after']);
      expect(refused.json().error.retryAfter).toBe(wait);
      waits.push(wait);
      now += wait * 1000;
      expect((await login(email, 'wrong again', ip)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);

    // Once the wait is over, the right password gets in and the pair starts afresh.
    now += 16_000;
    expect((await login(email, password, ip)).statusCode).toBe(200);
    expect((await login(email, 'one slip', ip)).statusCode).toBe(401);
    expect((await login(email, password, ip)).statusCode).toBe(200);
  });

  it('throttles the current password of a password change like a sign-in', async () => {
    const { cookie, password } = await server.agent({ online: false });
    const ip = '10.55.0.1';
    const change = (currentPassword: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword: 'a-brand-new-password' },
        remoteAddress: ip,
      });
    for (let i = 0; i < FREE; i++) expect((await change(`guess-${i}`)).statusCode).toBe(401);
    const refused = await change(password);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('too_many_attempts');
    now += Number(refused.headers['retry-after']) * 1000;
    expect((await change(password)).statusCode).toBe(204);
  });

  it('never waits longer than the 15-minute window', async () => {
    const { email, password } = await server.agent({ online: false });
    const ip = '10.99.0.1';
    for (let i = 0; i < 30; i++) {
      const res = await login(email, 'wrong', ip);
      if (res.statusCode === 429) {
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
        now += Number(res.headers['retry-after']) * 1000;
      }
    }
    now += 15 * 60_000;
    expect((await login(email, password, ip)).statusCode).toBe(200);
  });
});
