/**
 * The tiny Preact binding for zustand/vanilla stores. Stores stay framework-free (tested
 * without a DOM); components read a slice and re-render only when that slice changes.
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

/** Arrays (or plain objects) equal element by element: for selectors that derive lists. */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
