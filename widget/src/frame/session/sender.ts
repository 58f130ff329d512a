/**
 * Delivers the outbox, one message at a time and in the order written, so the server's
 * sequence numbers follow the shopper's order. An entry leaves the outbox only when the
 * server acknowledged storing it; no answer leaves it for the next connection.
 */
import type { ErrorCode, VisitorMessage } from '@counter/shared';
import type { ChatStore } from '../store/chat-store';
import type { Outbox, OutboxEntry } from './outbox';
import { RefusedError, TransportError, type Transport } from './transport';

/** Refusals that a resend cannot fix; the shopper decides (retry starts over). */
const PERMANENT: readonly (ErrorCode | string)[] = [
  'validation_failed',
  'payload_too_large',
  'conversation_resolved',
  'not_found',
  'forbidden',
] satisfies ErrorCode[];

export interface SenderDeps {
  outbox: Outbox;
  store: ChatStore;
  /** The live transport, when connected. */
  transport(): Transport | null;
  /** The conversation to send into when the entry has none yet (starts one). */
  startConversation(): Promise<string>;
  stored(message: VisitorMessage): void;
}

/** Returns flush(): sends everything sendable; a call during a run makes it go round again. */
export function createSender({ outbox, store, transport, startConversation, stored }: SenderDeps): () => Promise<void> {
  let running = false;
  let again = false;

  /** false: no answer, so stop here; the next connection flushes again. */
  async function deliver(entry: OutboxEntry): Promise<boolean> {
    const live = transport();
    if (!live) return false;
    try {
      const conversationId = entry.conversationId ?? (await startConversation());
      outbox.update(entry.clientId, { conversationId });
      const ack = await live.request('message:send', { conversationId, clientId: entry.clientId, text: entry.text });
      if (!ack.ok) throw new RefusedError(ack.error.code);
      outbox.remove(entry.clientId);
      stored(ack.data.message);
      return true;
    } catch (err) {
      // Unanswered while still connected: show it failed (retry) but resend on reconnect too.
      const reason = err instanceof RefusedError ? err.code : err instanceof TransportError && transport() ? err.reason : null;
      if (reason) {
        outbox.update(entry.clientId, { failed: reason });
        store.getState().setFailed(entry.clientId, reason);
      }
      return err instanceof RefusedError;
    }
  }

  return async function flush() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    // Refused in this run: not again in this run (a rate limit or a store hiccup needs time).
    const refused = new Set<string>();
    try {
      do {
        again = false;
        for (const entry of outbox.list()) {
          if (PERMANENT.includes(entry.failed!) || refused.has(entry.clientId)) continue;
          if (!(await deliver(entry))) return;
          if (outbox.get(entry.clientId)) refused.add(entry.clientId);
        }
      } while (again);
    } finally {
      running = false;
    }
  };
}
