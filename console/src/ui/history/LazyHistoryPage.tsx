/**
 * The History page is a lazy chunk (issue 16): the inbox's first load does not carry it. It
 * is fetched the first time someone opens History, then kept for the session.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { historyText } from '../../i18n/history.js';

let loaded: ComponentType | null = null;

export function LazyHistoryPage() {
  const [Page, setPage] = useState<ComponentType | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const t = historyText();

  useEffect(() => {
    if (Page) return;
    let live = true;
    import('./HistoryPage.js')
      .then((module) => {
        loaded = module.HistoryPage;
        if (live) setPage(() => module.HistoryPage);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [attempt]);

  if (Page) return <Page />;
  if (failed) {
    return (
      <section class="page">
        <p role="alert">{t.failed}</p>
        <button type="button" class="btn" onClick={() => (setFailed(false), setAttempt(attempt + 1))}>
          {t.retry}
        </button>
      </section>
    );
  }
  return (
    <section class="page" aria-busy="true">
      <p class="muted">{t.loading}</p>
    </section>
  );
}
