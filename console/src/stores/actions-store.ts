/**
 * After-sales actions as the server reports them live (order-action:updated): the approvals
 * page and an open order form follow it. Keyed by idempotency key; the newest view wins.
 */
import type { OrderActionView } from '@counter/shared';
import { createStore } from 'zustand/vanilla';

export interface ActionsState {
  byKey: Record<string, OrderActionView>;
  updated(action: OrderActionView): void;
  clear(): void;
}

export function createActionsStore() {
  return createStore<ActionsState>()((set) => ({
    byKey: {},
    updated: (action) =>
      set((s) => {
        const known = s.byKey[action.idempotencyKey];
        if (known && known.updatedAt > action.updatedAt) return s;
        return { byKey: { ...s.byKey, [action.idempotencyKey]: action } };
      }),
    clear: () => set({ byKey: {} }),
  }));
}

export type ActionsStore = ReturnType<typeof createActionsStore>;
