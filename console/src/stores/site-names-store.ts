/**
 * The names of the sites this agent works for, read on every connect. With one shop there is
 * nothing to tell apart, so rows and headers name the site only when there are several.
 */
import type { SiteId, SiteSummary } from '@counter/shared';
import { createStore } from 'zustand/vanilla';

export interface SiteNamesState {
  names: Record<string, string>;
  set(sites: SiteSummary[]): void;
  clear(): void;
}

export function createSiteNamesStore() {
  return createStore<SiteNamesState>()((set) => ({
    names: {},
    set: (sites) => set({ names: Object.fromEntries(sites.map((s) => [s.id, s.name])) }),
    clear: () => set({ names: {} }),
  }));
}
export type SiteNamesStore = ReturnType<typeof createSiteNamesStore>;

/** The site's name when the agent works for more than one site; null otherwise (or unknown). */
export const siteLabel = (state: SiteNamesState, siteId: SiteId): string | null =>
  Object.keys(state.names).length > 1 ? (state.names[siteId] ?? null) : null;
