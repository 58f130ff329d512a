/**
 * System messages (kind "event") carry a structured payload; this is the one place that
 * turns them into words (in the console's language, i18n/common.ts).
 */
import type { ConversationEvent } from '@counter/shared';
import { commonText } from '../i18n/common.js';

export function eventText(event: ConversationEvent | null, t = commonText()): string {
  if (!event) return t.event.unknown;
  switch (event.type) {
    case 'queued':
      return t.event.queued;
    case 'assigned':
      return t.event.assigned(event.agentName);
    case 'transferred':
      return t.event.transferred(event.agentName);
    case 'reassigned':
      return t.event.reassigned(event.agentName);
    case 'resolved':
      return t.event.resolved;
    case 'reopened':
      return t.event.reopened;
    case 'rated':
      return t.event.rated(event.score);
  }
}
