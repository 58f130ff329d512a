import type { AgentDoc } from '../../store/documents.js';
import type { Store } from '../../store/store.js';
import type { Candidate } from './plan.js';

/** Who may receive conversations now. */
export class AgentPool {
  private readonly store: Store;

  constructor(deps: { store: Store }) {
    this.store = deps.store;
  }

  /** Agents who may receive conversations now: online, active, console open. */
  async available(): Promise<AgentDoc[]> {
    const online = await this.store.agents.online();
    if (!online.length) return [];
    const connected = await this.store.presence.connected(online.map((a) => a._id));
    return online.filter((a) => connected.has(a._id));
  }

  /**
   * The same, with their loads: for routing only. Loads read every assignment of those agents,
   * which availability (asked on every shopper connection) and queue estimates do not need.
   */
  async withLoads(): Promise<Candidate[]> {
    const agents = await this.available();
    if (!agents.length) return [];
    const loads = await this.store.assignments.loads(agents.map((a) => a._id));
    return agents.map((agent) => ({ agent, load: loads.get(agent._id) ?? 0 }));
  }
}
