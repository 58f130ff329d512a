import type { AgentId, AgentSummary } from '@counter/shared';

/** Who can take a transfer right now: online, console open, a free slot, not me. */
export function canTakeTransfer(agent: AgentSummary, me: AgentId | null): boolean {
  return agent.id !== me && agent.status === 'online' && agent.connected && agent.load < agent.capacity;
}

/** Transfer candidates, least loaded first (by share of capacity used). */
export function transferTargets(agents: readonly AgentSummary[], me: AgentId | null): AgentSummary[] {
  return agents
    .filter((a) => canTakeTransfer(a, me))
    .sort((a, b) => a.load / a.capacity - b.load / b.capacity || a.name.localeCompare(b.name));
}
