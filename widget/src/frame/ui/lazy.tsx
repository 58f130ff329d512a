/**
 * A component loaded on first use: the leave-a-message form and the end-of-conversation
 * card show only in some states, so they stay out of the first render's budget.
 * (preact/compat's lazy would pull in compat; this is all that is needed.)
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy(load: () => Promise<ComponentType>): ComponentType {
  let loaded: ComponentType | undefined;
  return function Lazy() {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!Component) void load().then((c) => setComponent(() => (loaded = c)));
    }, []);
    return Component ? <Component /> : null;
  };
}
