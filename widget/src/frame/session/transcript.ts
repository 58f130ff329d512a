/** The shopper asks for the shown conversation by email (rate-limited on the server). */
import type { TranscriptResult } from './chat-session';
import type { Core } from './core';

export async function emailTranscript({ state, live }: Core, email: string): Promise<TranscriptResult> {
  const conversation = state().conversation;
  const t = live();
  if (!t || !conversation) return 'failed';
  try {
    const ack = await t.request('conversation:email-transcript', { conversationId: conversation.id, email: email.trim() });
    if (ack.ok) return 'sent';
    return ack.error.code === 'rate_limited' ? 'limited' : 'failed';
  } catch {
    // Handled by the form: it says so and stays to try again.
    return 'failed';
  }
}
