/** Rating an ended conversation (score and an optional comment). */
import { LIMITS } from '@counter/shared';
import type { Core } from './core';
import { unwrap } from './transport';

/** false: not stored (no connection, or refused); the form stays to try again. */
export async function rate({ state, live }: Core, score: number, comment: string): Promise<boolean> {
  const conversation = state().conversation;
  const t = live();
  if (!t || !conversation) return false;
  const note = comment.trim().slice(0, LIMITS.commentLength);
  try {
    state().updateConversation(unwrap(await t.request('conversation:rate', { conversationId: conversation.id, score, ...(note && { comment: note }) })).conversation);
    return true;
  } catch {
    // Handled by the form: it says so and stays to try again.
    return false;
  }
}
