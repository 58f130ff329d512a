/**
 * What the agent may do in a thread. A thread that left this agent's inbox (transferred,
 * reassigned) may still show a stale "assigned to me": the socket no longer hears about it,
 * so `removed` wins over the last conversation snapshot.
 */
import type { Agent } from '@counter/shared';
import type { Thread } from '../stores/threads-store.js';
import { supervises } from './roles.js';

export function holds(thread: Thread | undefined, me: Pick<Agent, 'id'> | null): boolean {
  const c = thread?.conversation;
  return Boolean(c && me && c.status === 'assigned' && c.agentId === me.id && !thread!.removed);
}

/** Reply to the shopper, resolve, transfer: the holder, or a supervisor (or admin) stepping in. */
export function canAct(thread: Thread | undefined, me: Pick<Agent, 'id' | 'role'> | null): boolean {
  const c = thread?.conversation;
  if (!c || !me || c.status !== 'assigned') return false;
  return holds(thread, me) || supervises(me);
}
