/**
 * The shopper's messages: into the outbox first (shown as sending), then delivered by the
 * shared engine, whose rules (order, what is retried and when, what is permanent) are
 * written once in @counter/shared/delivery for the widget and the console alike. This
 * module only adapts it: the first message starts the conversation, and a delivery status
 * becomes the message's "failed" mark (retrying or refused: the reason, with a retry link).
 */
import { type ConversationId, LIMITS, type VisitorMessage } from '@counter/shared';
import { createDelivery, type Sent } from '@counter/shared/delivery';
import type { Core } from './core';
import { pendingMessage } from './pick';
import { RefusedError, TransportError } from './transport';

export interface OutgoingDeps {
  startConversation(): Promise<ConversationId>;
  received(messages: VisitorMessage[]): void;
  newConversation(): void;
}

export function createOutgoing(core: Core, { startConversation, received, newConversation }: OutgoingDeps) {
  const { state, live } = core;
  const { outbox } = core.deps;

  const delivery = createDelivery<VisitorMessage>({
    outbox,
    async send(entry): Promise<Sent<VisitorMessage>> {
      const t = live();
      const failed = (code: string) => ({ ok: false as const, error: { code } });
      if (!t) return failed('offline');
      try {
        const conversationId = entry.conversationId ?? (await startConversation());
        outbox.update(entry.clientId, { conversationId });
        return await t.request('message:send', { conversationId, clientId: entry.clientId, text: entry.text });
      } catch (err) {
        if (err instanceof RefusedError) return failed(err.code);
        // No answer and the connection is gone too: it waits for the reconnect.
        if (err instanceof TransportError) return failed(live() ? err.reason : 'offline');
        throw err;
      }
    },
    stored: (message) => received([message]),
    // The engine gives a reason only with retrying and failed: the message shows it, with a retry link.
    status: (clientId, _status, reason) => state().setFailed(clientId, reason),
  });

  /** Shows the outbox's messages that belong to what is on screen. */
  function restore(): void {
    const id = state().conversation?.id ?? null;
    state().addMessages(outbox.list().filter((e) => !e.conversationId || e.conversationId === id).map(pendingMessage));
  }

  return {
    flush: delivery.flush,
    restore,
    stop: delivery.stop,

    /** true when there was something to send. */
    send(input: string): boolean {
      const text = input.trim().slice(0, LIMITS.messageLength);
      if (!text) return false;
      const shown = state().conversation;
      const entry = { clientId: core.newId(), conversationId: shown && shown.status !== 'resolved' ? shown.id : null, text, createdAt: core.now() };
      outbox.add(entry);
      state().addMessages([pendingMessage(entry)]);
      void delivery.flush();
      return true;
    },

    retry(clientId: string): void {
      const entry = outbox.get(clientId);
      if (!entry) return;
      // Its conversation ended meanwhile: it opens a new one instead.
      if (entry.failed === 'conversation_resolved') {
        outbox.update(clientId, { conversationId: null });
        newConversation();
      }
      void delivery.retry(clientId);
    },
  };
}
