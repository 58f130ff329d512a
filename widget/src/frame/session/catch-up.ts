/**
 * Catching up on every (re)connect (DESIGN.md "Delivery"): live events are subscribed
 * before this runs, the backlog is read by sequence (`afterSeq`, page by page, with the
 * shared readAfter) and the store's merge drops what was already seen; then the outbox is
 * flushed. Serialised: one catch-up at a time and at most one more queued behind it.
 */
import { LIMITS, type VisitorMessage } from '@counter/shared';
import { readAfter } from '@counter/shared/delivery';
import { lastSeq } from '../store/messages';
import type { Core } from './core';
import { pickConversation } from './pick';
import { RefusedError, TransportError, unwrap } from './transport';

export interface CatchUpDeps {
  /** Sent first on each connection: the catch-up may then be another visitor's (identity). */
  prepare(): Promise<void>;
  dismissed(): string | null;
  received(messages: VisitorMessage[]): void;
  /** A conversation came on screen. */
  shown(): void;
  /** Runs after the backlog: pending messages, the loader's state, the outbox, read marks. */
  done(): Promise<void>;
}

export function createCatchUp(core: Core, deps: CatchUpDeps) {
  const { state, live } = core;
  let queued = false;
  let chain = Promise.resolve();

  async function catchUp(): Promise<void> {
    const t = live();
    if (!t) return;
    await deps.prepare();
    const { conversations } = unwrap(await t.request('conversation:list', {}));
    const current = pickConversation(conversations, core.now(), deps.dismissed());
    const shown = state().conversation;
    if (!current) {
      if (shown) state().showConversation(null);
    } else if (shown?.id === current.id && state().messages.some((m) => m.seq !== null)) {
      state().updateConversation(current);
      const read = async (afterSeq: number) =>
        unwrap(await t.request('message:history', { conversationId: current.id, afterSeq, limit: LIMITS.historyPageMax }));
      await readAfter(lastSeq(state().messages), read, deps.received);
    } else {
      state().showConversation(current);
      deps.shown();
      const page = unwrap(await t.request('message:history', { conversationId: current.id }));
      state().showHistory(page.messages, page.hasMore);
    }
    await deps.done();
  }

  return {
    sync(): Promise<void> {
      if (!queued) {
        queued = true;
        chain = chain.then(() => {
          queued = false;
          return catchUp().catch((err: unknown) => {
            // No answer: the next connection catches up again. A refusal leaves things as shown.
            if (!(err instanceof TransportError || err instanceof RefusedError)) throw err;
          });
        });
      }
      return chain;
    },
  };
}
