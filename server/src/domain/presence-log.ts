/**
 * Keeps the presence history (issue 15 leftovers) in step with the truth: after anything that
 * may change an agent's effective state (status set, first socket opened, last socket closed,
 * a dead node's sockets swept), the state is read back from the store (connected ? status :
 * offline) and recorded. Reading rather than passing the new state makes the calls idempotent
 * and order-proof: two changes racing both record what is true when they run.
 */
import type { AgentId } from '@counter/shared';
import type { Store } from '../store/store.js';
import type { PresenceState } from '../store/repositories/presence-history.js';
import type { KeyedLock } from './keyed-lock.js';

export interface PresenceLogDeps {
  store: Store;
  lock: KeyedLock;
  clock: { now(): number };
}

export const presenceKey = (agentId: string): string => `presence:${agentId}`;

export function recordPresence(deps: PresenceLogDeps, agentId: AgentId): Promise<void> {
  return deps.lock.run(presenceKey(agentId), async () => {
    const [agent, connected] = await Promise.all([deps.store.agents.byId(agentId), deps.store.presence.connected([agentId])]);
    const state: PresenceState = agent?.active !== false && agent && connected.has(agentId) ? agent.status : 'offline';
    await deps.store.presenceHistory.change(agentId, state, deps.clock.now());
  });
}

/** One load sample of every agent with an open stretch who is still connected. */
export async function samplePresence(deps: Pick<PresenceLogDeps, 'store' | 'clock'>): Promise<void> {
  const open = await deps.store.presenceHistory.open();
  if (!open.length) return;
  const connected = await deps.store.presence.connected(open.map((o) => o.agentId));
  const online = open.filter((o) => o.state === 'online' && connected.has(o.agentId)).map((o) => o.agentId);
  const away = open.filter((o) => o.state === 'away' && connected.has(o.agentId)).map((o) => o.agentId);
  const loads = await deps.store.assignments.loads(online);
  await deps.store.presenceHistory.sample(new Map(online.map((id) => [id, loads.get(id) ?? 0])), away, deps.clock.now());
}
