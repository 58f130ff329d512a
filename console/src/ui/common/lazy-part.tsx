/**
 * One helper for every lazy piece of the console (issue 16: the inbox's first load must not
 * carry pages and dialogs it does not show). `lazyPart(() => import('./X.js').then((m) => m.X))`
 * gives a component that fetches its code on first render, shows "Loading…" meanwhile and an
 * error with Retry if the fetch fails; once loaded the module is kept for the session, so later
 * renders are immediate. Each piece imports its own string table, so its Chinese moves with it.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { lazyPartText } from '../../i18n/lazy-part.js';

/**
 * 'page': a full route (fills the main area); 'inline': a dialog or popup inside a view;
 * 'quiet': an optional helper beside other content, which shows nothing while it loads.
 */
export type LazyFrame = 'page' | 'inline' | 'quiet';

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, frame: LazyFrame = 'page'): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;

  return function LazyPart(props: P) {
    const [Part, setPart] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    const [attempt, setAttempt] = useState(0);

    useEffect(() => {
      if (Part) return;
      let live = true;
      load()
        .then((component) => {
          loaded = component;
          if (live) setPart(() => component);
        })
        .catch(() => live && setFailed(true));
      return () => {
        live = false;
      };
    }, [attempt]);

    if (Part) return <Part {...props} />;
    const t = lazyPartText();
    const Frame = frame === 'page' ? 'section' : 'div';
    const cls = frame === 'page' ? 'page' : 'lazy-part';
    if (failed) {
      return (
        <Frame class={cls}>
          <p role="alert">{t.failed}</p>
          <button type="button" class="btn" onClick={() => (setFailed(false), setAttempt(attempt + 1))}>
            {t.retry}
          </button>
        </Frame>
      );
    }
    if (frame === 'quiet') return null;
    return (
      <Frame class={cls} aria-busy="true">
        <p class="muted">{t.loading}</p>
      </Frame>
    );
  };
}
