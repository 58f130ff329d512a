/** The waiting queue as every agent sees it (its head; `total` counts all). */
import type { QueueItem } from '@counter/shared';
import { createStore } from 'zustand/vanilla';

export interface QueueState {
  items: QueueItem[];
  total: number;
  loaded: boolean;
  set(items: QueueItem[], total: number): void;
  clear(): void;
}

export function createQueueStore() {
  return createStore<QueueState>()((set) => ({
    items: [],
    total: 0,
    loaded: false,
    set(items, total) {
      set({ items, total, loaded: true });
    },
    clear() {
      set({ items: [], total: 0, loaded: false });
    },
  }));
}

export type QueueStore = ReturnType<typeof createQueueStore>;
