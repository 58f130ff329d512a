/**
 * A short TTL cache in front of any provider: an agent opening the same shopper twice, or a
 * shopper reopening "My orders", costs the shop one call, and concurrent identical calls
 * share one request. Only answers are cached (ok, not_found); a failure is retried on the
 * next call so "unreachable" lasts no longer than the outage. The guest check is never
 * cached: each attempt must reach the rate limit and the shop.
 *
 * A Map rather than a library: insertion order gives the eviction, and the in-flight sharing
 * is specific to this seam.
 */
import type { Clock } from '../clock.js';
import type { CustomerQuery, OrderProvider, ProviderResult } from './provider.js';

export interface CacheOptions {
  ttlMs: number;
  maxEntries: number;
  clock: Clock;
}

type Cached = { result: ProviderResult<unknown>; storedAt: number };

export class CachedOrderProvider implements OrderProvider {
  private readonly entries = new Map<string, Cached>();
  private readonly inFlight = new Map<string, Promise<ProviderResult<unknown>>>();

  constructor(
    private readonly inner: OrderProvider,
    private readonly options: CacheOptions,
  ) {}

  findCustomer(query: CustomerQuery) {
    const key = 'customerId' in query ? `c:id:${query.customerId}` : `c:email:${query.email.toLowerCase()}`;
    return this.cached(key, () => this.inner.findCustomer(query));
  }

  listOrders(customerId: string, limit: number) {
    return this.cached(`l:${customerId}:${limit}`, () => this.inner.listOrders(customerId, limit));
  }

  getOrder(orderId: string) {
    return this.cached(`o:${orderId}`, () => this.inner.getOrder(orderId));
  }

  verifyGuest(orderNumber: string, email: string) {
    return this.inner.verifyGuest(orderNumber, email);
  }

  /** Actions are never cached; an order they change is dropped so the next read is fresh. */
  async act(request: Parameters<NonNullable<OrderProvider['act']>>[0]) {
    if (!this.inner.act) return { kind: 'unreachable' as const, reason: 'this order system cannot act' };
    try {
      return await this.inner.act(request);
    } finally {
      if (request.orderId) this.entries.delete(`o:${request.orderId}`);
    }
  }

  getAction(idempotencyKey: string, request?: Parameters<NonNullable<OrderProvider['getAction']>>[1]) {
    if (!this.inner.getAction) return Promise.resolve({ kind: 'unreachable' as const, reason: 'this order system cannot look actions up' });
    return this.inner.getAction(idempotencyKey, request);
  }

  close(): Promise<void> {
    this.entries.clear();
    return this.inner.close?.() ?? Promise.resolve();
  }

  private async cached<T>(key: string, load: () => Promise<ProviderResult<T>>): Promise<ProviderResult<T>> {
    const now = this.options.clock.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.storedAt < this.options.ttlMs) return hit.result as ProviderResult<T>;
    if (hit) this.entries.delete(key);
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<ProviderResult<T>>;
    const promise = load().then((result) => {
      if (result.kind === 'ok' || result.kind === 'not_found') this.store(key, result);
      return result;
    });
    this.inFlight.set(key, promise);
    try {
      return await promise;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private store(key: string, result: ProviderResult<unknown>): void {
    if (this.entries.size >= this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { result, storedAt: this.options.clock.now() });
  }
}
