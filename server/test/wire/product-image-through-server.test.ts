/**
 * Issue 10 item 15: the shopper's `product.image` is fetched by the server, never by the
 * agent's browser, and the server's fetch is guarded against SSRF: no loopback, private or
 * metadata address (also through a name or a redirect), a size cap, a deadline, and only
 * images recognised by their bytes. Only agents who may see the conversation get it.
 */
import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommand, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The shop's image host, counting what it is asked for. */
async function imageHost(): Promise<{
  url: string;
  hits: Map<string, number>;
  requested(path: string): Promise<void>;
  close(): Promise<void>;
}> {
  const hits = new Map<string, number>();
  const requests = new EventEmitter();
  const held: import('node:http').ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    requests.emit(path);
    const send = (type: string, body: Buffer | string) => res.writeHead(200, { 'content-type': type }).end(body);
    if (path === '/ok.png') return send('image/png', PNG);
    if (path === '/big.png') return send('image/png', Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]));
    if (path === '/page.png') return send('image/png', '<html><script>alert(1)</script></html>');
    if (path === '/logo.svg') return send('image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    if (path === '/to-metadata') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path.startsWith('/to-ok')) return res.writeHead(302, { location: '/ok.png' }).end();
    if (path === '/slow.png') return void held.push(res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    requested: (path) => new Promise((resolve) => requests.once(path, () => resolve())),
    close: () => {
      for (const res of held) res.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function conversationShowing(server: TestServer, image: string): Promise<string> {
  const { socket } = await server.visitor();
  const conversationId = ok(await visitorCommand(socket, 'conversation:start', {})).conversation.id;
  ok(await visitorCommand(socket, 'visitor:context', { product: { title: 'Sneaker', image } }));
  return conversationId;
}

const productImage = (server: TestServer, conversationId: string, cookie?: string) =>
  fetch(`${server.url}/api/v1/conversations/${conversationId}/product-image`, { headers: cookie ? { cookie } : {} });

describe("the shopper's product image goes through the server", () => {
  let host: Awaited<ReturnType<typeof imageHost>>;
  let guarded: TestServer;
  let open: TestServer;
  let guardedCookie: string;
  let openCookie: string;

  beforeAll(async () => {
    host = await imageHost();
    // As shipped: only public addresses.
    guarded = await startTestServer();
    guardedCookie = (await guarded.agent({ role: 'supervisor' })).cookie;
    // The image host is on loopback here: this server may reach 127.0.0.1 and nothing else.
    open = await startTestServer({ deps: { remoteImages: { allowAddress: (a) => a === '127.0.0.1', timeoutMs: 500 } } });
    openCookie = (await open.agent({ role: 'supervisor' })).cookie;
  });
  afterAll(async () => {
    await guarded.close();
    await open.close();
    await host.close();
  });

  it('serves the image to an agent of the conversation, from the server, fetched once', async () => {
    const id = await conversationShowing(open, `${host.url}/ok.png`);
    const res = await productImage(open, id, openCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    // A second agent opening it does not make the server fetch again.
    const other = await open.agent({ role: 'supervisor' });
    expect((await productImage(open, id, other.cookie)).status).toBe(200);
    expect(host.hits.get('/ok.png')).toBe(1);
  });

  it('is fetched when the shopper names it, not when an agent looks', async () => {
    const fetched = host.requested('/to-ok');
    const id = await conversationShowing(open, `${host.url}/to-ok`);
    await fetched;
    const hits = host.hits.get('/to-ok');
    expect((await productImage(open, id, openCookie)).status).toBe(200);
    expect(host.hits.get('/to-ok')).toBe(hits);
  });

  it('refuses loopback, private and metadata addresses, by IP, by name and through a redirect, without connecting', async () => {
    const port = new URL(host.url).port;
    for (const image of [
      `${host.url}/ok.png`,
      `http://localhost:${port}/ok.png`,
      `http://[::ffff:127.0.0.1]:${port}/ok.png`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/x.png',
      'http://[fd00::1]/x.png',
    ]) {
      const before = host.hits.get('/ok.png') ?? 0;
      const id = await conversationShowing(guarded, image);
      const res = await productImage(guarded, id, guardedCookie);
      expect(res.status, image).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
      expect(host.hits.get('/ok.png') ?? 0, image).toBe(before);
    }
    const id = await conversationShowing(open, `${host.url}/to-metadata`);
    expect((await productImage(open, id, openCookie)).status).toBe(404);
    expect((await productImage(open, await conversationShowing(open, `${host.url}/to-ok?again`), openCookie)).status).toBe(200);
  });

  it('refuses what is too large, not an image by its bytes, SVG, or too slow', async () => {
    for (const path of ['/big.png', '/page.png', '/logo.svg', '/slow.png']) {
      const started = Date.now();
      const res = await productImage(open, await conversationShowing(open, `${host.url}${path}`), openCookie);
      expect(res.status, path).toBe(404);
      expect(Date.now() - started, path).toBeLessThan(3000);
      // Fetched, then refused for what came back.
      expect(host.hits.get(path), path).toBe(1);
    }
  });

  it('answers only agents who may see the conversation', async () => {
    const id = await conversationShowing(open, `${host.url}/ok.png`);
    expect((await productImage(open, id)).status).toBe(401);
    const stranger = await open.agent({ siteIds: [] });
    expect((await productImage(open, id, stranger.cookie)).status).toBe(404);
    // A plain agent sees the queue's conversations before taking them, as conversation:open does.
    const plain = await open.agent();
    const openAck = await agentCommand(plain.socket, 'conversation:open', { conversationId: id as never });
    expect((await productImage(open, id, plain.cookie)).status).toBe(openAck.ok ? 200 : 404);
  });
});
