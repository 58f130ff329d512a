/**
 * What the orchestrator and the two load generators agree on: the shape of a bench message
 * and the commands each generator answers.
 */
import type { Percentiles } from '../support/stats.js';

/**
 * 'relay': the bare Socket.IO relay (no auth, no storage). 'product': the chat server, over
 * whichever store it was started with. Both get the same client library and options.
 */
export type Flavor = 'relay' | 'product';

/** The page origin every bench shopper claims; the bench site allows exactly this one. */
export const BENCH_ORIGIN = 'http://bench.local';

/**
 * Text of a bench message: which shopper, which of its messages, and when it was sent (on the
 * shared monotonic clock, see support/time.ts). The receiver needs nothing else to measure.
 */
export const encodeText = (shopper: number, seq: number, sentAtMs: number): string =>
  `bench ${shopper} ${seq} ${sentAtMs.toFixed(3)}`;

export function decodeText(text: string): { shopper: number; seq: number; sentAtMs: number } | null {
  if (!text.startsWith('bench ')) return null;
  const [, shopper, seq, sentAt] = text.split(' ');
  return { shopper: Number(shopper), seq: Number(seq), sentAtMs: Number(sentAt) };
}

export interface LoopStats {
  /** Event-loop delay of the generator itself: if high, its timestamps lag reality. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  cpuPercent: number;
}

// ---- shopper generator -------------------------------------------------------------------

export interface ShopperConnect {
  flavor: Flavor;
  url: string;
  /** Product: the bench site. */
  siteId?: string;
  count: number;
  /** Product: open a conversation once connected (conversation:start). */
  startConversation: boolean;
  concurrency: number;
}

export interface FirstMessages {
  /** [conversationId, sent at] for each shopper whose first message was acked. */
  sentAt: [string, number][];
  /** Shoppers whose first message still failed after every retry. */
  failed: number;
  /** Shoppers whose first message needed a retry (errors, by code, in `failures`). */
  retried: number;
  failures: Record<string, number>;
}

export interface LoadSpec {
  seconds: number;
  perSecond: number;
  ackTimeoutMs: number;
  /** Only the shoppers of these conversations send (the routed ones); default all. */
  only?: string[];
}

export interface LoadResult extends LoopStats {
  sent: number;
  acked: number;
  /** Error acks and timeouts, by code. */
  failures: Record<string, number>;
  ack: Percentiles;
  /** Per shopper, the sequence numbers the server acknowledged. */
  ackedSeqs: number[][];
  wallSeconds: number;
}

export type ShopperApi = {
  connect(spec: ShopperConnect): Promise<{ connected: number; seconds: number }>;
  /** Product: every shopper sends its first message at once (retried like the widget's outbox); resolves when acked. */
  first(arg: { ackTimeoutMs: number }): Promise<FirstMessages>;
  /** Product: resolves once every shopper has been told its place in the queue (or at the timeout). */
  queued(arg: { timeoutMs: number }): Promise<{ seconds: number; queued: number }>;
  load(spec: LoadSpec): Promise<LoadResult>;
  close(arg: Record<string, never>): Promise<void>;
};

// ---- agent generator ---------------------------------------------------------------------

export interface AgentConnect {
  flavor: Flavor;
  url: string;
  /** Product: accounts to sign in with. */
  accounts?: { email: string; password: string }[];
  /** Relay: the pairs (shopper indexes) each agent socket follows. */
  pairs?: number[][];
  /** Product: set every agent online once connected. */
  online: boolean;
  concurrency: number;
}

export interface SecondStats {
  /** Seconds since the first send. */
  second: number;
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface SettleResult extends LoopStats {
  latency: Percentiles;
  /** Shopper→agent latency by second of sending (in the JSON results, to spot stalls). */
  timeline: SecondStats[];
  received: number;
  /** Acknowledged to the shopper, never delivered to the agent. */
  lost: number;
  /** Delivered more than once. */
  duplicated: number;
  /** Delivered but never acknowledged (a send that timed out on the shopper's side). */
  unacked: number;
  lostExamples: string[];
}

export type AgentApi = {
  connect(spec: AgentConnect): Promise<{ connected: number; seconds: number }>;
  /** Product: agent:status online for every agent at once; returns when that was sent. */
  online(arg: Record<string, never>): Promise<{ sentAtMs: number }>;
  /** Product: resolves once `count` conversation:assigned events arrived (or at the timeout); when each did. */
  assigned(arg: { count: number; timeoutMs: number }): Promise<{ at: [string, number][] }>;
  /** Starts counting deliveries (and the generator's own loop delay and CPU). */
  measure(arg: Record<string, never>): Promise<void>;
  /** Waits until every acked message was delivered (bounded), then tallies. */
  settle(arg: { ackedSeqs: number[][]; timeoutMs: number }): Promise<SettleResult>;
  close(arg: Record<string, never>): Promise<void>;
};
