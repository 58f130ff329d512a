import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CompressedFile {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

/** Reads a small file once and keeps it compressed both ways (the loader is fetched a lot). */
export async function loadCompressed(path: string): Promise<CompressedFile | null> {
  const identity = await readFile(path).catch(() => null);
  return identity && compress(identity);
}

/** Both encodings at their smallest, and a strong ETag (the loader with a site's look baked in, too). */
export function compress(identity: Buffer): CompressedFile {
  return {
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 16)}"`,
  };
}

export function sendCompressed(request: FastifyRequest, reply: FastifyReply, file: CompressedFile): FastifyReply {
  reply.header('etag', file.etag).header('vary', 'Accept-Encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  const accept = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return reply.header('content-encoding', 'br').send(file.br);
  if (/\bgzip\b/.test(accept)) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.identity);
}
