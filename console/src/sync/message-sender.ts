/**
 * Sending: the message goes into the outbox first (shown as "sending"), then on the wire
 * with a client-generated id. A lost connection leaves it "waiting" and it is resent on
 * reconnect; the server answers a resend with the stored message, so it is never doubled.
 */
import type { ConversationId, Message } from '@counter/shared';
import { describeError, isTransient } from '../lib/client-error.js';
import type { OutboxStore, Outgoing } from '../stores/outbox-store.js';
import type { ThreadsStore } from '../stores/threads-store.js';
import type { Commander } from './commander.js';

export interface SenderDeps {
  command: Commander;
  outbox: OutboxStore;
  threads: ThreadsStore;
  uuid: () => string;
  now: () => number;
  /** Delay before retrying attempt n (0-based) while still connected; null: give up until reconnect. */
  retryDelay?: (attempt: number) => number | null;
}

/** A slow answer (not a lost connection): try again a few times, backing off. */
const defaultRetryDelay = (attempt: number) => (attempt < 4 ? 1000 * 2 ** attempt : null);

export function createMessageSender({ command, outbox, threads, uuid, now, retryDelay = defaultRetryDelay }: SenderDeps) {
  const sending = new Set<string>();

  /** A confirmed message (from an ack or the live event) leaves the outbox. */
  function confirmed(message: Message) {
    threads.getState().addMessages(message.conversationId, [message]);
    outbox.getState().remove(message.clientId);
  }

  async function deliver(item: Outgoing, attempt = 0): Promise<void> {
    // It may have been confirmed by a live event or discarded meanwhile.
    if (!outbox.getState().items.some((o) => o.clientId === item.clientId)) return;
    if (sending.has(item.clientId)) return;
    sending.add(item.clientId);
    outbox.getState().update(item.clientId, { state: 'sending', error: null });
    try {
      const result = await command('message:send', {
        conversationId: item.conversationId,
        clientId: item.clientId,
        text: item.text,
        internal: item.internal,
      });
      if (result.ok) return confirmed(result.data.message);
      if (!isTransient(result.error)) {
        outbox.getState().update(item.clientId, { state: 'failed', error: describeError(result.error) });
        return;
      }
      outbox.getState().update(item.clientId, { state: 'waiting', error: null });
      // Disconnected: the reconnect flushes it. Connected but no answer: retry soon.
      const delay = result.error.code === 'disconnected' ? null : retryDelay(attempt);
      if (delay !== null) setTimeout(() => void deliver(item, attempt + 1), delay);
    } finally {
      sending.delete(item.clientId);
    }
  }

  return {
    confirmed,

    send(conversationId: ConversationId, text: string, internal: boolean): Promise<void> {
      const item: Outgoing = {
        clientId: uuid(),
        conversationId,
        text,
        internal,
        state: 'sending',
        error: null,
        createdAt: now(),
      };
      outbox.getState().add(item);
      return deliver(item);
    },

    retry(clientId: string): Promise<void> {
      const item = outbox.getState().items.find((o) => o.clientId === clientId);
      return item ? deliver(item) : Promise.resolve();
    },

    discard(clientId: string) {
      outbox.getState().remove(clientId);
    },

    /** On (re)connect: everything not refused goes out again, oldest first. */
    async flush(): Promise<void> {
      for (const item of outbox.getState().items.filter((o) => o.state !== 'failed')) await deliver(item);
    },
  };
}

export type MessageSender = ReturnType<typeof createMessageSender>;
