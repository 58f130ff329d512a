/**
 * A component loaded on first use: the leave-a-message form and the end-of-conversation
 * card show only in some states, so they stay out of the first render's budget.
 * (preact/compat's lazy would pull in compat; this is all that is needed.) Props pass through
 * (an attachment's view gets its file).
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy<P extends object = object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (!Component) void load().then((c) => setComponent(() => (loaded = c)));
    }, []);
    return Component ? <Component {...props} /> : null;
  };
}
