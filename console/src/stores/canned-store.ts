/** The team's canned replies (shared by every agent), kept sorted by shortcut. */
import type { CannedReply, CannedReplyId } from '@counter/shared';
import { createStore } from 'zustand/vanilla';
import type { CannedReplyInput, RestApi } from '../api/rest-api.js';
import type { ClientError } from '../lib/client-error.js';

export interface CannedState {
  replies: CannedReply[];
  loaded: boolean;
  error: ClientError | null;
  load(): Promise<void>;
  create(input: CannedReplyInput): Promise<ClientError | null>;
  update(id: CannedReplyId, input: CannedReplyInput): Promise<ClientError | null>;
  remove(id: CannedReplyId): Promise<ClientError | null>;
  clear(): void;
}

const sorted = (list: CannedReply[]) => [...list].sort((a, b) => a.shortcut.localeCompare(b.shortcut));

export function createCannedStore(api: RestApi) {
  return createStore<CannedState>()((set, get) => ({
    replies: [],
    loaded: false,
    error: null,

    async load() {
      const result = await api.listCanned();
      if (result.ok) set({ replies: sorted(result.data.cannedReplies), loaded: true, error: null });
      else set({ error: result.error, loaded: true });
    },

    async create(input) {
      const result = await api.createCanned(input);
      if (!result.ok) return result.error;
      set({ replies: sorted([...get().replies, result.data.cannedReply]) });
      return null;
    },

    async update(id, input) {
      const result = await api.updateCanned(id, input);
      if (!result.ok) return result.error;
      set({ replies: sorted(get().replies.map((r) => (r.id === id ? result.data.cannedReply : r))) });
      return null;
    },

    async remove(id) {
      const result = await api.deleteCanned(id);
      if (!result.ok && result.error.code !== 'not_found') return result.error;
      set({ replies: get().replies.filter((r) => r.id !== id) });
      return null;
    },

    clear() {
      set({ replies: [], loaded: false, error: null });
    },
  }));
}

export type CannedStore = ReturnType<typeof createCannedStore>;
