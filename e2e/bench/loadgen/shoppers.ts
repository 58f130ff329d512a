/**
 * The shopper generator (its own process): N shopper sockets, authenticated as the widget
 * authenticates (product) or naming their pair (relay), sending on a fixed open-loop schedule
 * and timing each send's ack.
 */
import { randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION } from '@counter/shared';
import type { Socket } from 'socket.io-client';
import { forEachLimited } from '../support/pool.js';
import { serve } from '../support/rpc.js';
import { percentiles, Samples } from '../support/stats.js';
import { nowMs } from '../support/time.js';
import { watchLoop } from './loop-stats.js';
import { BENCH_ORIGIN, encodeText, type Flavor, type ShopperApi, type ShopperConnect } from './protocol.js';
import { postJson } from '../support/http.js';
import { command, connectSocket } from './sockets.js';

interface Shopper {
  index: number;
  socket: Socket;
  /** Product: the open conversation; relay: the pair's name. */
  conversationId: string;
  queued: boolean;
}

let flavor: Flavor = 'relay';
const shoppers: Shopper[] = [];
let onQueued: (() => void) | null = null;

/** Setup steps are retried as the widget retries them (a store that is busy answers 5xx). */
async function withRetries<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (err) {
      if (attempt >= attempts) throw err;
    }
  }
}

async function connectProduct(spec: ShopperConnect, index: number): Promise<Shopper> {
  const { body } = await withRetries(() =>
    postJson<{ token: string }>(`${spec.url}/api/v1/visitor/sessions`, { siteId: spec.siteId, pageOrigin: BENCH_ORIGIN }),
  );
  const socket = await withRetries(() =>
    connectSocket(`${spec.url}/visitor`, { v: PROTOCOL_VERSION, siteId: spec.siteId, token: body.token, pageOrigin: BENCH_ORIGIN }),
  );
  const shopper: Shopper = { index, socket, conversationId: '', queued: false };
  socket.on('queue:position', ({ conversationId }: { conversationId: string }) => {
    if (shopper.queued || conversationId !== shopper.conversationId) return;
    shopper.queued = true;
    onQueued?.();
  });
  if (spec.startConversation) {
    const { conversation } = await withRetries(() => command<{ conversation: { id: string } }>(socket, 'conversation:start', {}));
    shopper.conversationId = conversation.id;
  }
  return shopper;
}

async function connectRelay(spec: ShopperConnect, index: number): Promise<Shopper> {
  const socket = await connectSocket(`${spec.url}/visitor`, { pair: index });
  return { index, socket, conversationId: `pair-${index}`, queued: false };
}

/** Emits one message; calls back with the ack's error code (null when acked) and its delay. */
function send(
  shopper: Shopper,
  seq: number,
  ackTimeoutMs: number,
  done: (error: string | null, sentAt: number) => void,
  retryOf?: { clientId: string; text: string },
): { clientId: string; text: string } {
  const sentAt = nowMs();
  const payload = {
    conversationId: shopper.conversationId,
    clientId: retryOf?.clientId ?? randomUUID(),
    text: retryOf?.text ?? encodeText(shopper.index, seq, sentAt),
  };
  const event = flavor === 'product' ? 'message:send' : 'message';
  shopper.socket.timeout(ackTimeoutMs).emit(event, payload, (err: Error | null, ack?: { ok: boolean; error?: { code: string } }) => {
    if (err) done('timeout', sentAt);
    else done(ack?.ok ? null : (ack?.error?.code ?? 'bad_ack'), sentAt);
  });
  return payload;
}

/** Setup messages are retried as the widget's outbox would: same client id, a few times. */
const FIRST_ATTEMPTS = 5;

function sendFirst(shopper: Shopper, ackTimeoutMs: number): Promise<{ firstSentAt: number; errors: string[] }> {
  return new Promise((resolve) => {
    const errors: string[] = [];
    let firstSentAt = 0;
    let payload: { clientId: string; text: string } | undefined;
    const attempt = () => {
      payload = send(
        shopper,
        0,
        ackTimeoutMs,
        (error, at) => {
          firstSentAt ||= at;
          if (!error) return resolve({ firstSentAt, errors });
          errors.push(error);
          if (errors.length < FIRST_ATTEMPTS) attempt();
          else resolve({ firstSentAt, errors });
        },
        payload,
      );
    };
    attempt();
  });
}

const api: ShopperApi = {
  async connect(spec) {
    flavor = spec.flavor;
    const t0 = performance.now();
    const connectOne = spec.flavor === 'product' ? connectProduct : connectRelay;
    const created: Shopper[] = new Array(spec.count);
    await forEachLimited(spec.count, spec.concurrency, async (i) => {
      created[i] = await connectOne(spec, shoppers.length + i);
    });
    shoppers.push(...created);
    return { connected: shoppers.length, seconds: (performance.now() - t0) / 1000 };
  },

  async first({ ackTimeoutMs }) {
    const sentAt: [string, number][] = [];
    let failed = 0;
    let retried = 0;
    const failures: Record<string, number> = {};
    await Promise.all(
      shoppers.map(async (shopper) => {
        const { firstSentAt, errors } = await sendFirst(shopper, ackTimeoutMs);
        for (const error of errors) failures[error] = (failures[error] ?? 0) + 1;
        if (errors.length) retried++;
        if (errors.length >= FIRST_ATTEMPTS) failed++;
        // Timed from the first attempt: a retry's delay is part of the wait.
        else sentAt.push([shopper.conversationId, firstSentAt]);
      }),
    );
    return { sentAt, failed, retried, failures };
  },

  async queued({ timeoutMs }) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      const check = () => {
        if (!shoppers.every((s) => s.queued)) return;
        clearTimeout(timer);
        resolve();
      };
      onQueued = check;
      check();
    });
    onQueued = null;
    return { seconds: (performance.now() - t0) / 1000, queued: shoppers.filter((s) => s.queued).length };
  },

  async load({ seconds, perSecond, ackTimeoutMs, only }) {
    const included = only ? new Set(only) : null;
    const active = included ? shoppers.filter((s) => included.has(s.conversationId)) : shoppers;
    const period = 1000 / perSecond;
    const perShopper = Math.round(seconds * perSecond);
    const ackMs = new Samples(active.length * perShopper);
    const ackedSeqs: number[][] = shoppers.map(() => []);
    const failures: Record<string, number> = {};
    let sent = 0;
    let answered = 0;
    const total = active.length * perShopper;
    const loop = watchLoop();
    const start = performance.now() + 50;

    await new Promise<void>((resolve) => {
      if (!total) return resolve();
      active.forEach((shopper, k) => {
        const i = shopper.index;
        // Spread evenly over the period, on an absolute schedule: a late timer does not
        // push the following sends back (open loop; no coordinated omission).
        const offset = (k / active.length) * period;
        const fire = (seq: number) => {
          sent++;
          send(shopper, seq, ackTimeoutMs, (error, sentAt) => {
            if (error) failures[error] = (failures[error] ?? 0) + 1;
            else {
              ackMs.push(nowMs() - sentAt);
              ackedSeqs[i]!.push(seq);
            }
            if (++answered === total) resolve();
          });
          if (seq < perShopper) {
            setTimeout(() => fire(seq + 1), Math.max(0, start + offset + seq * period - performance.now()));
          }
        };
        setTimeout(() => fire(1), Math.max(0, start + offset - performance.now()));
      });
    });
    const stats = loop.stop();
    return {
      ...stats,
      sent,
      acked: ackMs.size,
      failures,
      ack: percentiles(ackMs.values()),
      ackedSeqs,
      wallSeconds: (performance.now() - start) / 1000,
    };
  },

  async close() {
    for (const s of shoppers.splice(0)) s.socket.close();
  },
};

serve(api);
