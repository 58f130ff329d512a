/**
 * One HTTP exchange with a shop, classified the way the domain needs it: no answer in time,
 * refused, 5xx -> unreachable; 404 -> not_found; anything but JSON -> invalid_answer. Used by
 * every adapter that speaks HTTP (the HTTP contract, Vendure's GraphQL).
 */
import type { ProviderResult } from '../domain/orders/provider.js';

export async function fetchJson(url: URL, init: RequestInit, timeoutMs: number, now: () => number): Promise<ProviderResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    return { kind: 'unreachable', reason: timedOut ? `no answer within ${timeoutMs} ms` : `connection failed: ${causeOf(err)}` };
  }
  try {
    if (response.status === 404) return { kind: 'not_found' };
    if (response.status >= 500) return { kind: 'unreachable', reason: `the shop answered ${response.status}` };
    if (response.status === 401 || response.status === 403) {
      return { kind: 'unreachable', reason: `the shop refused our credentials (${response.status}): check the shared secret` };
    }
    if (response.status !== 200) return { kind: 'invalid_answer', reason: `unexpected status ${response.status}` };
    const text = await response.text();
    try {
      return { kind: 'ok', value: JSON.parse(text) as unknown, fetchedAt: now() };
    } catch {
      return { kind: 'invalid_answer', reason: 'the answer is not JSON' };
    }
  } catch (err) {
    // The body stopped arriving (timeout mid-body, connection reset).
    return { kind: 'unreachable', reason: `the answer was cut off: ${causeOf(err)}` };
  }
}

function causeOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (!(cause instanceof Error)) return String(cause);
  return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
}
