/**
 * Hash routes (/console/#/c/abc): the server serves one index.html and needs no fallback.
 * Parsing is pure; the store follows a location source (window in the app, fake in tests).
 */
import type { ConversationId, VisitorId } from '@counter/shared';
import { createStore } from 'zustand/vanilla';

export type Route =
  | { name: 'inbox' }
  | { name: 'queue' }
  | { name: 'conversation'; id: ConversationId }
  | { name: 'canned' }
  | { name: 'agents' }
  | { name: 'sites' }
  | { name: 'account' }
  /** After-sales approvals (issue 12). */
  | { name: 'approvals' }
  /** History and search (issue 16); with a visitor: all conversations with that customer. */
  | { name: 'history'; visitorId?: VisitorId }
  /** Knowledge base admin (issue 13). */
  | { name: 'kb' }
  /** Supervisor live view (issue 15). */
  | { name: 'supervisor' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  const [first, second, third] = path.split('/');
  switch (first) {
    case 'queue':
      return { name: 'queue' };
    case 'c':
      return second ? { name: 'conversation', id: decodeURIComponent(second) as ConversationId } : { name: 'inbox' };
    case 'canned':
      return { name: 'canned' };
    case 'admin':
      return second === 'sites' ? { name: 'sites' } : { name: 'agents' };
    case 'account':
      return { name: 'account' };
    case 'approvals':
      return { name: 'approvals' };
    case 'supervisor':
      return { name: 'supervisor' };
    case 'history':
      return second === 'shopper' && third ? { name: 'history', visitorId: decodeURIComponent(third) as VisitorId } : { name: 'history' };
    case 'kb':
      return { name: 'kb' };
    default:
      return { name: 'inbox' };
  }
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'conversation':
      return `#/c/${encodeURIComponent(route.id)}`;
    case 'agents':
      return '#/admin/agents';
    case 'sites':
      return '#/admin/sites';
    case 'history':
      return route.visitorId ? `#/history/shopper/${encodeURIComponent(route.visitorId)}` : '#/history';
    default:
      return `#/${route.name}`;
  }
}

export interface LocationSource {
  hash(): string;
  setHash(hash: string): void;
  subscribe(listener: () => void): () => void;
}

export interface RouteState {
  route: Route;
  navigate(route: Route): void;
}

export function createRouteStore(location: LocationSource) {
  const store = createStore<RouteState>()((set) => ({
    route: parseRoute(location.hash()),
    navigate(route) {
      location.setHash(routeHref(route));
      set({ route });
    },
  }));
  location.subscribe(() => store.setState({ route: parseRoute(location.hash()) }));
  return store;
}

export type RouteStore = ReturnType<typeof createRouteStore>;

export function windowLocation(win: Window): LocationSource {
  return {
    hash: () => win.location.hash,
    setHash: (hash) => {
      if (win.location.hash !== hash) win.location.hash = hash;
    },
    subscribe: (listener) => {
      win.addEventListener('hashchange', listener);
      return () => win.removeEventListener('hashchange', listener);
    },
  };
}
