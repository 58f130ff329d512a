/**
 * A loopback HTTP front for a real embeddings endpoint that counts what passes and can be
 * switched to fail: `hang` accepts and never answers (the timeout path), `refuse` answers 503.
 * The vectors themselves always come from the real model behind it.
 */
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EmbeddingsProxy {
  url: string;
  mode: 'pass' | 'hang' | 'refuse';
  /** Requests seen, by input_type ("query" / "passage"). */
  seen: { query: number; passage: number };
  close(): Promise<void>;
}

export async function startEmbeddingsProxy(target: string): Promise<EmbeddingsProxy> {
  const hanging = new Set<ServerResponse>();
  const proxy: EmbeddingsProxy = { url: '', mode: 'pass', seen: { query: 0, passage: 0 }, close: async () => {} };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const kind = (JSON.parse(body || '{}') as { input_type?: 'query' | 'passage' }).input_type;
    if (kind) proxy.seen[kind]++;
    if (proxy.mode === 'hang') return void hanging.add(res);
    if (proxy.mode === 'refuse') return void res.writeHead(503).end();
    // A new connection each time (no keep-alive to lose while idle); a failure is the caller's 502.
    const upstream = request(`${target}${req.url}`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, async (answer) => {
      const parts: Buffer[] = [];
      for await (const part of answer) parts.push(part as Buffer);
      res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' }).end(Buffer.concat(parts));
    });
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
