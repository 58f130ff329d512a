/**
 * Provider-call latency, through the short cache and without it: Counter's HTTP adapter
 * against the reference implementation on loopback (signature made and verified, answer
 * schema-checked). Run: node --import tsx e2e/bench/order-provider-latency.ts [calls]
 */
import { startMerchant, MERCHANT_SECRET } from '@counter/server/testing';
import { CachedOrderProvider } from '../../server/src/domain/orders/cached-provider.js';
import type { OrderProvider } from '../../server/src/domain/orders/provider.js';
import { HttpOrderProvider } from '../../server/src/orders/http-provider.js';

const calls = Number(process.argv[2] ?? 2000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(label: string, provider: OrderProvider, call: (p: OrderProvider, i: number) => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await call(provider, i); // warm-up: JIT, keep-alive sockets
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await call(provider, i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(40)} p50 ${percentile(times, 50).toFixed(3)} ms   p99 ${percentile(times, 99).toFixed(3)} ms   (${calls} calls)`);
}

const merchant = await startMerchant();
try {
  const http = new HttpOrderProvider({ url: merchant.url, secret: MERCHANT_SECRET, timeoutMs: 3000 });
  const cached = new CachedOrderProvider(http, { ttlMs: 30_000, maxEntries: 2000, clock: { now: () => Date.now() } });
  const get = (p: OrderProvider) => p.getOrder('ord_1042');
  const list = (p: OrderProvider) => p.listOrders('demo-customer-1', 10);
  await measure('getOrder, no cache (HTTP + HMAC + zod)', http, get);
  await measure('getOrder, through the cache', cached, get);
  await measure('listOrders, no cache', http, list);
  await measure('listOrders, through the cache', cached, list);
} finally {
  await merchant.close();
}
