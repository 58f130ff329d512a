/** Admin: the shops that embed the widget. */
import type { IdentityCheckReport, Site, SiteId } from '@counter/shared';
import { createStore } from 'zustand/vanilla';
import type { NewSite, RestApi, SitePatch } from '../api/rest-api.js';
import type { ClientError } from '../lib/client-error.js';

export interface AdminSitesState {
  sites: Site[];
  loaded: boolean;
  error: ClientError | null;
  /** Failed identity checks per site (last 24 h), loaded when its page opens. */
  identityChecks: Partial<Record<SiteId, IdentityCheckReport>>;
  load(): Promise<void>;
  loadIdentityChecks(id: SiteId): Promise<void>;
  create(input: NewSite): Promise<{ site: Site } | { error: ClientError }>;
  update(id: SiteId, patch: SitePatch): Promise<ClientError | null>;
}

export function createAdminSitesStore(api: RestApi) {
  return createStore<AdminSitesState>()((set, get) => ({
    sites: [],
    loaded: false,
    error: null,
    identityChecks: {},

    async load() {
      const result = await api.listSites();
      if (result.ok) set({ sites: result.data.sites, loaded: true, error: null });
      else set({ error: result.error, loaded: true });
    },

    async loadIdentityChecks(id) {
      const result = await api.identityChecks(id);
      // Only a notice: a failure to load it leaves the page as it is.
      if (result.ok) set({ identityChecks: { ...get().identityChecks, [id]: result.data.identityChecks } });
    },

    async create(input) {
      const result = await api.createSite(input);
      if (!result.ok) return { error: result.error };
      set({ sites: [...get().sites, result.data.site] });
      return { site: result.data.site };
    },

    async update(id, patch) {
      const result = await api.updateSite(id, patch);
      if (!result.ok) return result.error;
      set({ sites: get().sites.map((s) => (s.id === id ? result.data.site : s)) });
      return null;
    },
  }));
}

export type AdminSitesStore = ReturnType<typeof createAdminSitesStore>;
