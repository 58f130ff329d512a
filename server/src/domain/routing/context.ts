import type { Store } from '../../store/store.js';
import type { Clock } from '../clock.js';
import type { EventSink } from '../events.js';
import type { KeyedLock } from '../keyed-lock.js';
import type { MessageLog } from '../message-log.js';
import type { ServiceStats } from '../metrics.js';

export interface RoutingConfig {
  /** Reassign when the assigned agent has not answered for this long; 0 disables. */
  reassignAfterMs: number;
  /** Reassign an agent's conversations when their console has been gone this long. */
  agentGraceMs: number;
  /** This process, for presence bookkeeping. */
  nodeId: string;
  /** A node silent this long is considered dead and its sockets forgotten. */
  nodeTimeoutMs: number;
}

/** What every part of routing works over; each part takes it (plus its collaborators) as one object. */
export interface RoutingContext {
  store: Store;
  clock: Clock;
  events: EventSink;
  log: MessageLog;
  lock: KeyedLock;
  stats: ServiceStats;
  config: RoutingConfig;
  /** Background work (a drain after a release) that failed: nobody awaits it. */
  onError: (err: unknown) => void;
}

export const QUEUE_BATCH = 50;
export const QUEUE_VIEW = 100;
export const QUEUE_POSITIONS = 2000;
/** A ledger entry this old whose conversation still reads "waiting" was left by a crash. */
export const STALE_CLAIM_MS = 10_000;
