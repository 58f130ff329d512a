/**
 * The one set of delivery rules for both clients (widget and console).
 *
 * - Order: the outbox goes out one entry at a time, oldest first, so the server's sequence
 *   numbers follow the order things were written. An entry waiting for a retry holds back
 *   the ones after it; an entry refused for good does not (it waits for the person).
 * - Answer in time: each send waits for its ack with Socket.IO's own ack timeout
 *   (`socket.timeout(ms).emit`, in each client's transport); no ack counts as "timeout".
 * - Retried by itself, with the same client id (the server answers a resend with the stored
 *   message, so nothing is doubled): no ack in time ("timeout") and the refusals in
 *   TRANSIENT. While connected, after 1 s, 2 s, 4 s ... at most 30 s apart, without end;
 *   and at once on the next flush (every (re)connect, a new message, the person's retry).
 *   Meanwhile the message shows as retrying with the reason (the widget: "not sent", with a
 *   retry button that sends at once; the console: waiting, with the reason).
 * - Not connected ("offline"): the entry waits, shown as waiting; every connect flushes.
 * - Permanent: every other refusal (validation_failed, payload_too_large,
 *   conversation_resolved, not_found, forbidden, ...). Kept in the outbox with its reason,
 *   shown failed, sent again only by retry(), never by a reconnect or a reload.
 * - Reload: the outbox is persisted (outbox.ts); everything not refused for good is resent.
 *
 * Why not Socket.IO's `retries` option: its queue lives in the page's memory and dies with
 * it, so it cannot keep the order across a reload; we need the persisted outbox anyway, and
 * two queues (ours and Socket.IO's) would resend the same entry twice with no order between
 * them. `retries` also applies to every emit of the socket (typing, read marks), and it keeps
 * retrying across a disconnect with no way to hold a later entry behind an earlier one.
 */
import type { Outbox, OutboxEntry } from './outbox.js';

/**
 * What a send came to, in the protocol's ack shape: the stored message, or an error code
 * ('offline' and 'timeout' from this side of the wire, else the server's catalogue code).
 */
export type Sent<M> = { ok: true; data: { message: M } } | { ok: false; error: { code: string } };

/** sending: on the wire; waiting: for a connection; retrying: again soon; failed: refused for good. */
export type DeliveryStatus = 'sending' | 'waiting' | 'retrying' | 'failed';

/** Refusals that a later resend can fix (the store was down, too many at once). */
export const TRANSIENT = ['timeout', 'store_unavailable', 'rate_limited'];

export const retryDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

export interface DeliveryDeps<M> {
  outbox: Outbox;
  /** Puts one entry on the wire (the widget first starts a conversation when it has none). */
  send(entry: OutboxEntry): Promise<Sent<M>>;
  /** The server stored it (from the ack). */
  stored(message: M): void;
  /** `reason` (the error code) comes with retrying and failed only. */
  status(clientId: string, status: DeliveryStatus, reason?: string): void;
  /** Delay before retry n (0-based); tests shorten it. */
  delay?(attempt: number): number;
}

export interface Delivery {
  /** Sends everything sendable; a call during a run makes it go round again. */
  flush(): Promise<void>;
  /** The person asks to send a failed entry again: now, at the head of the line. */
  retry(clientId: string): Promise<void>;
  stop(): void;
}

export function createDelivery<M>({ outbox, send, stored, status, delay = retryDelay }: DeliveryDeps<M>): Delivery {
  let running = false;
  let again = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** true: go on with the next entry; false: stop this run. */
  async function deliver(entry: OutboxEntry): Promise<boolean> {
    status(entry.clientId, 'sending');
    const sent = await send(entry);
    if (sent.ok) {
      attempt = 0;
      outbox.remove(entry.clientId);
      stored(sent.data.message);
      return true;
    }
    const { code } = sent.error;
    if (code === 'offline') {
      status(entry.clientId, 'waiting');
      return false;
    }
    if (TRANSIENT.includes(code)) {
      status(entry.clientId, 'retrying', code);
      // Backs off even if a flush was asked for meanwhile; the next flush call (a reconnect,
      // a new message, the person's retry) cuts the wait short.
      again = false;
      timer = setTimeout(() => void flush(), delay(attempt++));
      return false;
    }
    outbox.update(entry.clientId, { failed: code });
    status(entry.clientId, 'failed', code);
    return true;
  }

  async function flush(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    clearTimeout(timer);
    try {
      do {
        again = false;
        for (const entry of outbox.list()) {
          // Confirmed by a live event meanwhile, or refused for good: not sent by a flush.
          if (entry.failed || !outbox.get(entry.clientId)) continue;
          if (!(await deliver(entry))) break;
        }
      } while (again);
    } finally {
      running = false;
    }
  }

  return {
    flush,
    retry(clientId) {
      attempt = 0;
      outbox.update(clientId, { failed: undefined });
      return flush();
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
