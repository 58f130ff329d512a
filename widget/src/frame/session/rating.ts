/** Rating an ended conversation (score and an optional comment). */
import { LIMITS, type ConversationId } from '@counter/shared';
import type { Core } from './core';
import { unwrap } from './transport';

/** Answers the site's 0–10 question (issue 15 leftovers); false: not stored, try again. */
export type NpsAnswer = (score: number) => Promise<boolean>;

/**
 * false: not stored (no connection, or refused); the form stays to try again. Stored: the NPS
 * question's sender when the site asks it next (handed back so the first render carries none of it).
 */
export async function rate(core: Core, score: number, comment: string): Promise<false | { nps: NpsAnswer | null }> {
  const { state, live } = core;
  const conversation = state().conversation;
  const t = live();
  if (!t || !conversation) return false;
  const note = comment.trim().slice(0, LIMITS.commentLength);
  try {
    const rated = unwrap(await t.request('conversation:rate', { conversationId: conversation.id, score, ...(note && { comment: note }) }));
    state().updateConversation(rated.conversation);
    return { nps: rated.askNps ? (n) => answerNps(core, conversation.id, n) : null };
  } catch {
    // Handled by the form: it says so and stays to try again.
    return false;
  }
}

async function answerNps({ live }: Core, conversationId: ConversationId, score: number): Promise<boolean> {
  const t = live();
  if (!t) return false;
  try {
    unwrap(await t.request('conversation:nps', { conversationId, score }));
    return true;
  } catch {
    // Handled by the question: it says so and stays to try again.
    return false;
  }
}
