/**
 * A whole console wired to fakes: fake REST API, fake transport, memory storage and
 * location, a notifier that records. No DOM needed (UI tests render on top of it).
 */
import type { Agent } from '@counter/shared';
import { vi } from 'vitest';
import { createConsoleApp, type ConsoleApp } from '../../src/app/console-app.js';
import type { Notice, NoticeWays, Notifier } from '../../src/lib/notifier.js';
import type { KeyValueStorage } from '../../src/stores/outbox-store.js';
import type { LocationSource } from '../../src/stores/route-store.js';
import { createFakeApi, type FakeApiState } from './fake-api.js';
import { FakeTransport } from './fake-transport.js';
import { agent as agentFixture } from './fixtures.js';

export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  get length() {
    return this.data.size;
  }
}

export function memoryLocation(initial = '#/inbox'): LocationSource & { set(hash: string): void } {
  let hash = initial;
  const listeners = new Set<() => void>();
  return {
    hash: () => hash,
    setHash: (next) => {
      hash = next;
    },
    set(next) {
      hash = next;
      listeners.forEach((l) => l());
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export interface Harness {
  app: ConsoleApp;
  transport: FakeTransport;
  /** Every transport created (one per sign-in). */
  transports: FakeTransport[];
  api: ReturnType<typeof createFakeApi>['api'];
  apiState: FakeApiState;
  /** Each notice with the agent's preferences it was given (sound, desktop). */
  notices: (Notice & { ways?: NoticeWays })[];
  prepared: number;
  hidden: boolean;
  setHidden(hidden: boolean): void;
  storage: MemoryStorage;
  location: ReturnType<typeof memoryLocation>;
  me: Agent;
}

export interface HarnessOptions {
  me?: Partial<Agent>;
  signedIn?: boolean;
  /** Prepare the transport (handlers) before it connects. */
  setup?: (transport: FakeTransport) => void;
  autoConnect?: boolean;
  storage?: MemoryStorage;
  hash?: string;
  api?: Partial<FakeApiState>;
}

let uuidSeq = 0;
export const testUuid = () => `00000000-0000-4000-8000-${String(++uuidSeq).padStart(12, '0')}`;

/** Inbox and queue empty unless the test says otherwise. */
export function baseline(t: FakeTransport): FakeTransport {
  return t.answer('inbox:list', { items: [] }).answer('queue:list', { queue: [], total: 0 }).answer('sites:list', { sites: [] });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const me = agentFixture({ name: 'Ann Agent', ...options.me });
  const { api, state } = createFakeApi({ me: options.signedIn === false ? null : me, agents: [me], ...options.api });
  const storage = options.storage ?? new MemoryStorage();
  const location = memoryLocation(options.hash);
  const transports: FakeTransport[] = [];
  const visibilityListeners = new Set<() => void>();
  const h = {
    transports,
    api,
    apiState: state,
    notices: [] as Harness['notices'],
    prepared: 0,
    hidden: false,
    storage,
    location,
    me,
  } as unknown as Harness;
  const notifier: Notifier = {
    prepare: () => {
      h.prepared++;
    },
    notify: (n, ways) => {
      h.notices.push({ ...n, ways });
    },
  };
  h.setHidden = (hidden) => {
    h.hidden = hidden;
    visibilityListeners.forEach((l) => l());
  };
  h.app = createConsoleApp({
    api,
    createTransport: () => {
      const t = baseline(new FakeTransport(options.autoConnect ?? true));
      options.setup?.(t);
      transports.push(t);
      h.transport = t;
      return t;
    },
    notifier,
    storage,
    visibility: {
      isHidden: () => h.hidden,
      subscribe: (l) => {
        visibilityListeners.add(l);
        return () => visibilityListeners.delete(l);
      },
    },
    location,
    uuid: testUuid,
    typingTimeoutMs: 50,
  });
  await h.app.start();
  if (h.app.stores.session.getState().phase === 'signed-in' && (options.autoConnect ?? true)) {
    await until(() => h.app.stores.inbox.getState().loaded && h.app.stores.queue.getState().loaded);
  }
  return h;
}

/** Waits for a condition (fake commands answer asynchronously); fails after a deadline. */
export function until(condition: () => boolean, timeout = 2000): Promise<void> {
  return vi.waitFor(
    () => {
      if (!condition()) throw new Error('condition not met yet');
    },
    { timeout, interval: 5 },
  );
}
