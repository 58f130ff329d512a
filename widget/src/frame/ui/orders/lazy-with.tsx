/**
 * lazy() (../lazy.tsx) for a component that takes props; kept out of the first render, which
 * only needs the prop-less one.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyWith<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!Component) void load().then((c) => setComponent(() => (loaded = c)));
    }, []);
    return Component ? <Component {...props} /> : null;
  };
}
