/**
 * A storefront on another origin than the chat server, serving pages the tests write:
 * the widget is embedded cross-origin, as on a real shop.
 */
import { createServer, type Server } from 'node:http';

export interface StaticSite {
  /** e.g. http://localhost:40123 (the chat server is on 127.0.0.1: a different origin). */
  origin: string;
  /** Serves `html` at `path`, with optional response headers (a CSP, say; or an image's type with its bytes). */
  page(path: string, html: string | Buffer, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startStaticSite(): Promise<StaticSite> {
  const pages = new Map<string, { html: string | Buffer; headers: Record<string, string> }>();
  const server: Server = createServer((req, res) => {
    const page = pages.get((req.url ?? '/').split('?')[0]!);
    if (!page) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://localhost:${port}`,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
