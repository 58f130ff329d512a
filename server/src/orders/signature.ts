/**
 * HMAC signing of requests to an order provider (the HTTP contract), and its verification
 * (used by the demo's reference implementation; merchants port verify() to their stack).
 *
 * Signed text: `${timestamp}\n${nonce}\n${METHOD}\n${path with query}\n${body}`, HMAC-SHA256
 * with the site's provider secret, hex, sent as `counter-signature: v1=<hex>`. The timestamp
 * (epoch ms) bounds a replay to the window; the nonce, remembered for the window, refuses a
 * replay inside it.
 */
import { randomBytes } from 'node:crypto';
import { hexEquals, hmacSha256Hex } from '../domain/crypto.js';

export const SIGNATURE_HEADERS = {
  timestamp: 'counter-timestamp',
  nonce: 'counter-nonce',
  signature: 'counter-signature',
} as const;

export const REPLAY_WINDOW_MS = 5 * 60_000;

export interface SignedParts {
  method: string;
  /** Path and query exactly as sent on the request line, e.g. "/orders-api/orders/42?x=1". */
  path: string;
  body: string;
}

const signedText = (timestamp: string, nonce: string, p: SignedParts) =>
  `${timestamp}\n${nonce}\n${p.method.toUpperCase()}\n${p.path}\n${p.body}`;

export function signRequest(secret: string, parts: SignedParts, now: number): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomBytes(16).toString('hex');
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: `v1=${hmacSha256Hex(secret, signedText(timestamp, nonce, parts))}`,
  };
}

export type VerifyOutcome = 'ok' | 'missing' | 'bad_signature' | 'stale' | 'replayed';

/**
 * Nonces seen within the window. In memory: a reference implementation on one process; a
 * merchant running several would keep them in their shared cache (Redis SET NX PX).
 */
export class NonceMemory {
  private readonly seen = new Map<string, number>();

  /** false when the nonce was already used inside the window. */
  remember(nonce: string, now: number): boolean {
    for (const [key, at] of this.seen) {
      if (now - at <= REPLAY_WINDOW_MS) break; // insertion order: the rest are newer
      this.seen.delete(key);
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, now);
    return true;
  }
}

export function verifyRequest(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  parts: SignedParts,
  now: number,
  nonces: NonceMemory,
): VerifyOutcome {
  const timestamp = headers[SIGNATURE_HEADERS.timestamp];
  const nonce = headers[SIGNATURE_HEADERS.nonce];
  const signature = headers[SIGNATURE_HEADERS.signature];
  if (typeof timestamp !== 'string' || typeof nonce !== 'string' || typeof signature !== 'string') return 'missing';
  if (!/^\d{1,16}$/.test(timestamp) || !/^[0-9a-f]{16,64}$/.test(nonce) || !signature.startsWith('v1=')) return 'missing';
  const expected = hmacSha256Hex(secret, signedText(timestamp, nonce, parts));
  if (!hexEquals(signature.slice(3), expected)) return 'bad_signature';
  if (Math.abs(now - Number(timestamp)) > REPLAY_WINDOW_MS) return 'stale';
  // Only after the signature holds: an attacker cannot fill the memory with made-up nonces.
  if (!nonces.remember(nonce, now)) return 'replayed';
  return 'ok';
}
