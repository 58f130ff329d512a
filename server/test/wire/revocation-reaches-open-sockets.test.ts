import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitorCommand, startTestServer, type TestServer } from '../support/test-server.js';

/** Issue 10, item 4: a revoked or expired session stops working on sockets already open. */
describe('revocation reaches open sockets', () => {
  let server: TestServer;
  beforeAll(async () => {
    // Agent sessions last 2 s here, so that one expires while its console is open.
    server = await startTestServer({ config: { sessionTtlMs: 2000 } });
  });
  afterAll(() => server.close());

  it("shop logout closes every socket open with that visitor token, and only those", async () => {
    const first = await server.visitor();
    const second = await server.visitor({ token: first.token });
    const other = await server.visitor();
    const closed = (s: typeof first.socket) => new Promise<string>((resolve) => s.on('disconnect', (reason) => resolve(reason)));
    const [a, b] = [closed(first.socket), closed(second.socket)];

    const res = await server.app.inject({
      method: 'DELETE',
      url: `/api/v1/visitor/sessions?siteId=${server.site.id}`,
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(res.statusCode).toBe(204);
    expect(await a).toBe('io server disconnect');
    expect(await b).toBe('io server disconnect');
    // Another shopper is untouched.
    expect((await visitorCommand(other.socket, 'conversation:list', {})).ok).toBe(true);
  });

  it('an agent session that expires while the console is open ends with session:revoked', async () => {
    const { socket } = await server.agent({ online: false });
    const revoked = new Promise<void>((resolve) => socket.on('session:revoked', () => resolve()));
    const closed = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
    await revoked;
    expect(await closed).toBe('io server disconnect');
  });
});
