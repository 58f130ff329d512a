/**
 * Typing, both ways. The shopper's: sent to the agent at most every few seconds while it
 * goes on, and "stopped" after a pause or on send. The agent's: shown until their
 * "stopped", or until it fades by itself if that never comes (their console closed).
 */
import type { Core } from './core';

const REPEAT_MS = 3000;
const IDLE_MS = 4000;
const SHOWN_MS = 15_000;

export function createTyping(core: Core) {
  const { state, live } = core;
  let sentAt = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let shown: ReturnType<typeof setTimeout> | undefined;

  function typing(active: boolean): void {
    const conversation = state().conversation;
    const t = live();
    clearTimeout(idle);
    if (!t || conversation?.status !== 'assigned') return;
    if (active) {
      idle = setTimeout(() => typing(false), IDLE_MS);
      if (core.now() - sentAt < REPEAT_MS) return;
      sentAt = core.now();
    } else if (sentAt) {
      sentAt = 0;
    } else {
      return;
    }
    // Best effort: a lost typing signal fades on the agent's side by itself.
    t.request('typing:set', { conversationId: conversation.id, typing: active }).catch(() => undefined);
  }

  return {
    typing,
    /** The agent's typing:changed. */
    agent(name: string | null): void {
      state().setTyping(name);
      clearTimeout(shown);
      if (name !== null) shown = setTimeout(() => state().setTyping(null), SHOWN_MS);
    },
  };
}
