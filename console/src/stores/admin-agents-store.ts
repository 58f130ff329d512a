/** Admin: the team's accounts. */
import type { Agent, AgentId } from '@counter/shared';
import { createStore } from 'zustand/vanilla';
import type { AgentPatch, NewAgent, RestApi } from '../api/rest-api.js';
import type { ClientError } from '../lib/client-error.js';

export interface AdminAgentsState {
  agents: Agent[];
  loaded: boolean;
  error: ClientError | null;
  load(): Promise<void>;
  create(input: NewAgent): Promise<ClientError | null>;
  update(id: AgentId, patch: AgentPatch): Promise<ClientError | null>;
  /** A live change (status, load) pushed by the server for someone in the list. */
  changed(agent: Agent): void;
}

const byName = (list: Agent[]) => [...list].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));

export function createAdminAgentsStore(api: RestApi) {
  return createStore<AdminAgentsState>()((set, get) => ({
    agents: [],
    loaded: false,
    error: null,

    async load() {
      const result = await api.listAgents();
      if (result.ok) set({ agents: byName(result.data.agents), loaded: true, error: null });
      else set({ error: result.error, loaded: true });
    },

    async create(input) {
      const result = await api.createAgent(input);
      if (!result.ok) return result.error;
      set({ agents: byName([...get().agents, result.data.agent]) });
      return null;
    },

    async update(id, patch) {
      const result = await api.updateAgent(id, patch);
      if (!result.ok) return result.error;
      get().changed(result.data.agent);
      return null;
    },

    changed(agent) {
      if (!get().agents.some((a) => a.id === agent.id)) return;
      set({ agents: byName(get().agents.map((a) => (a.id === agent.id ? agent : a))) });
    },
  }));
}

export type AdminAgentsStore = ReturnType<typeof createAdminAgentsStore>;
