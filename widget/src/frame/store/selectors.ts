/** What to show, derived from the state (pure, shared by the UI and its tests). */
import type { ChatState } from './chat-store';

/** The footer: the composer, the leave-a-message form, the end-of-conversation card, or nothing. */
export type Footer = 'composer' | 'leave' | 'ended' | 'blocked' | 'crowded';

export function footer(s: ChatState): Footer {
  if (s.connection === 'blocked' || s.connection === 'crowded') return s.connection;
  if (s.conversation?.status === 'resolved') return 'ended';
  // With a bot on (issue 13) somebody answers: the composer stays.
  const nobody = s.availability && !s.availability.bot && (!s.availability.open || s.availability.agentsOnline === 0);
  // Nobody to answer and nothing started yet: an email gets the reply.
  if (!s.conversation && nobody && !s.messages.length) return 'leave';
  return 'composer';
}

