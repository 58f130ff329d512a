/**
 * The agent generator (its own process): agent sockets signed in as the console signs in
 * (product) or following their pairs (relay). It timestamps every bench message on arrival,
 * and every conversation:assigned.
 */
import { PROTOCOL_VERSION } from '@counter/shared';
import type { Socket } from 'socket.io-client';
import { forEachLimited } from '../support/pool.js';
import { serve } from '../support/rpc.js';
import { percentiles, Samples } from '../support/stats.js';
import { nowMs } from '../support/time.js';
import { watchLoop } from './loop-stats.js';
import { decodeText, type AgentApi, type AgentConnect, type Flavor, type SecondStats } from './protocol.js';
import { postJson, sessionCookie } from '../support/http.js';
import { command, connectSocket } from './sockets.js';

let flavor: Flavor = 'relay';
const sockets: Socket[] = [];

/** Deliveries counted since measure(): "shopper seq" -> times delivered. */
let deliveries = new Map<string, number>();
let latency = new Samples();
/** Send times of the delivered messages, alongside `latency`, for the per-second timeline. */
let sentAt = new Samples();
let counting = false;
/** Called on each new delivery while settle() waits. */
let onDelivery: ((key: string) => void) | null = null;

const assignedAt = new Map<string, number>();
let onAssigned: (() => void) | null = null;

function delivered(text: string): void {
  const at = nowMs();
  const decoded = decodeText(text);
  if (!decoded || !counting || decoded.seq === 0) return;
  const key = `${decoded.shopper} ${decoded.seq}`;
  const times = (deliveries.get(key) ?? 0) + 1;
  deliveries.set(key, times);
  if (times === 1) {
    latency.push(at - decoded.sentAtMs);
    sentAt.push(decoded.sentAtMs);
    onDelivery?.(key);
  }
}

async function connectProduct(spec: AgentConnect, account: { email: string; password: string }): Promise<Socket> {
  const { headers } = await postJson(`${spec.url}/api/v1/auth/login`, account);
  const cookie = sessionCookie(headers);
  const socket = await connectSocket(`${spec.url}/agent`, { v: PROTOCOL_VERSION }, { cookie });
  socket.on('message:created', ({ message }: { message: { kind: string; text: string } }) => {
    if (message.kind === 'text') delivered(message.text);
  });
  socket.on('conversation:assigned', ({ item }: { item: { conversation: { id: string } } }) => {
    if (!assignedAt.has(item.conversation.id)) assignedAt.set(item.conversation.id, nowMs());
    onAssigned?.();
  });
  if (spec.online) await command(socket, 'agent:status', { status: 'online' });
  return socket;
}

async function connectRelay(spec: AgentConnect, pairs: number[]): Promise<Socket> {
  const socket = await connectSocket(`${spec.url}/agent`, {});
  socket.on('message', ({ text }: { text: string }) => delivered(text));
  await command(socket, 'join', pairs);
  return socket;
}

let loop: ReturnType<typeof watchLoop> | null = null;

/** Latency per second of sending: a stall in the server shows up as one bad second. */
function timeline(sent: Float64Array, latencies: Float64Array): SecondStats[] {
  if (!sent.length) return [];
  const start = sent.reduce((a, b) => Math.min(a, b), Infinity);
  const seconds: number[][] = [];
  sent.forEach((t, i) => (seconds[Math.floor((t - start) / 1000)] ??= []).push(latencies[i]!));
  return Array.from(seconds, (values, second) => {
    const p = percentiles(values ?? []);
    return { second, count: p.count, p50: p.p50, p99: p.p99, max: p.max };
  });
}

const api: AgentApi = {
  async connect(spec) {
    flavor = spec.flavor;
    const t0 = performance.now();
    const count = spec.flavor === 'product' ? spec.accounts!.length : spec.pairs!.length;
    await forEachLimited(count, spec.concurrency, async (i) => {
      sockets.push(spec.flavor === 'product' ? await connectProduct(spec, spec.accounts![i]!) : await connectRelay(spec, spec.pairs![i]!));
    });
    return { connected: sockets.length, seconds: (performance.now() - t0) / 1000 };
  },

  async online() {
    if (flavor !== 'product') throw new Error('the relay has no agent status');
    const sentAtMs = nowMs();
    await Promise.all(sockets.map((s) => command(s, 'agent:status', { status: 'online' })));
    return { sentAtMs };
  },

  async assigned({ count, timeoutMs }) {
    // Bounded: a store that cannot keep up leaves some unrouted, which the caller reports.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      const check = () => {
        if (assignedAt.size < count) return;
        onAssigned = null;
        clearTimeout(timer);
        resolve();
      };
      onAssigned = check;
      check();
    });
    onAssigned = null;
    return { at: [...assignedAt] };
  },

  async measure() {
    deliveries = new Map();
    latency = new Samples();
    sentAt = new Samples();
    counting = true;
    loop = watchLoop();
  },

  async settle({ ackedSeqs, timeoutMs }) {
    const missing = new Set<string>();
    ackedSeqs.forEach((seqs, shopper) => {
      for (const seq of seqs) if (!deliveries.has(`${shopper} ${seq}`)) missing.add(`${shopper} ${seq}`);
    });
    // Bounded: whatever has not arrived by the deadline counts as lost.
    await new Promise<void>((resolve) => {
      if (!missing.size) return resolve();
      const timer = setTimeout(resolve, timeoutMs);
      onDelivery = (key) => {
        missing.delete(key);
        if (!missing.size) {
          clearTimeout(timer);
          resolve();
        }
      };
    });
    onDelivery = null;
    counting = false;
    const stats = loop!.stop();
    const acked = new Set<string>();
    ackedSeqs.forEach((seqs, shopper) => seqs.forEach((seq) => acked.add(`${shopper} ${seq}`)));
    let duplicated = 0;
    let unacked = 0;
    for (const [key, times] of deliveries) {
      if (times > 1) duplicated += times - 1;
      if (!acked.has(key)) unacked++;
    }
    return {
      ...stats,
      latency: percentiles(latency.values()),
      timeline: timeline(sentAt.values(), latency.values()),
      received: deliveries.size,
      lost: missing.size,
      duplicated,
      unacked,
      lostExamples: [...missing].slice(0, 10),
    };
  },

  async close() {
    for (const s of sockets.splice(0)) s.close();
  },
};

serve(api);
