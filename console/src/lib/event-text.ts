/**
 * System messages (kind "event") carry a structured payload; this is the one place that
 * turns them into words, so a translation only touches this file.
 */
import type { ConversationEvent } from '@counter/shared';

export function eventText(event: ConversationEvent | null): string {
  if (!event) return 'Something changed';
  switch (event.type) {
    case 'queued':
      return 'Waiting in the queue';
    case 'assigned':
      return `Assigned to ${event.agentName}`;
    case 'transferred':
      return event.agentName ? `Transferred to ${event.agentName}` : 'Transferred back to the queue';
    case 'reassigned':
      return event.agentName ? `Reassigned to ${event.agentName}` : 'Reassigned: back to the queue';
    case 'resolved':
      return 'Resolved';
    case 'reopened':
      return 'Reopened';
    case 'rated':
      return `Shopper rated ${event.score}/5`;
  }
}
