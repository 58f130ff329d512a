/**
 * Sending: the message goes into the outbox first, then out through the shared delivery
 * engine (@counter/shared/delivery), whose rules (order, what is retried and when, what
 * is permanent) are the same for the widget and the console. The server answers a resend
 * with the stored message, so nothing is doubled.
 */
import type { ConversationId, Message } from '@counter/shared';
import { createDelivery, type Delivery, type Sent } from '@counter/shared/delivery';
import type { OutboxStore } from '../stores/outbox-store.js';
import type { ThreadsStore } from '../stores/threads-store.js';
import type { Commander } from './commander.js';

export interface SenderDeps {
  command: Commander;
  outbox: OutboxStore;
  threads: ThreadsStore;
  uuid: () => string;
  now: () => number;
  /** Delay before retry n (0-based); tests shorten it. */
  retryDelay?: (attempt: number) => number;
}

export function createMessageSender({ command, outbox, threads, uuid, now, retryDelay }: SenderDeps) {
  const entries = () => outbox.getState().outbox;
  let delivery: Delivery | null = null;
  let deliveryFor: unknown = null;

  /** One engine per agent's outbox (it changes at sign-in). */
  function engine(): Delivery {
    const box = entries();
    if (delivery && deliveryFor === box) return delivery;
    delivery?.stop();
    deliveryFor = box;
    delivery = createDelivery<Message>({
      outbox: box,
      async send(entry): Promise<Sent<Message>> {
        // An agent writes in a conversation: an entry without one was not written by this console.
        if (!entry.conversationId) return { ok: false, error: { code: 'invalid_payload' } };
        const result = await command('message:send', {
          conversationId: entry.conversationId,
          clientId: entry.clientId,
          text: entry.text,
          internal: !!entry.internal,
        });
        if (result.ok) return result;
        return { ok: false, error: { code: result.error.code === 'disconnected' ? 'offline' : result.error.code } };
      },
      stored: confirmed,
      status: (clientId, status, reason) => outbox.getState().status(clientId, status, reason),
      ...(retryDelay && { delay: retryDelay }),
    });
    return delivery;
  }

  /** A confirmed message (from an ack or the live event) leaves the outbox. */
  function confirmed(message: Message) {
    threads.getState().addMessages(message.conversationId, [message]);
    entries().remove(message.clientId);
    outbox.getState().refresh();
  }

  return {
    confirmed,

    send(conversationId: ConversationId, text: string, internal: boolean): Promise<void> {
      const clientId = uuid();
      entries().add({ clientId, conversationId, text, internal, createdAt: now() });
      outbox.getState().status(clientId, 'sending');
      return engine().flush();
    },

    retry(clientId: string): Promise<void> {
      return engine().retry(clientId);
    },

    discard(clientId: string) {
      entries().remove(clientId);
      outbox.getState().refresh();
    },

    /** On (re)connect: everything not refused goes out again, oldest first. */
    flush: (): Promise<void> => engine().flush(),

    stop() {
      delivery?.stop();
    },
  };
}

export type MessageSender = ReturnType<typeof createMessageSender>;
