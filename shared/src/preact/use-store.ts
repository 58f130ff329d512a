/**
 * The one tiny Preact binding for zustand/vanilla stores, used by the widget and the
 * console (`@counter/shared/preact`). Stores stay framework-free (tested without a DOM); a
 * component reads a slice and re-renders only when that slice changes (Object.is, or the
 * equality given). zustand's own React binding would pull in React (or preact/compat).
 */
import { useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

export type Equality<T> = (a: T, b: T) => boolean;

export function useStore<S, T>(store: StoreApi<S>, selector: (state: S) => T, equal: Equality<T> = Object.is): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = selector(store.getState());
  // Refs so the subscription (made once per store) always compares with the latest render.
  const latest = useRef({ selector, value, equal });
  latest.current = { selector, value, equal };

  useLayoutEffect(() => {
    const check = () => {
      const { selector: select, value: previous, equal: same } = latest.current;
      if (!same(select(store.getState()), previous)) rerender(0);
    };
    const unsubscribe = store.subscribe(check);
    // The store may have changed between render and subscription.
    check();
    return unsubscribe;
  }, [store]);

  return value;
}
