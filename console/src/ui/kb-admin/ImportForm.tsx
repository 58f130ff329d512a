/** Import a CSV or Markdown file of articles: all or nothing, with the server's per-row report. */
import { LOCALES, type Locale } from '@counter/shared';
import { useState } from 'preact/hooks';
import type { KbAdminApi } from '../../api/kb-admin-api.js';
import { kbAdminText } from '../../i18n/kb-admin.js';
import type { ClientError } from '../../lib/client-error.js';

export function ImportForm({ api, onImported }: { api: KbAdminApi; onImported: () => void }) {
  const t = kbAdminText();
  const [file, setFile] = useState<File | null>(null);
  const [locale, setLocale] = useState<Locale>('en');
  const [outcome, setOutcome] = useState<{ imported: number } | { error: ClientError } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    const format = /\.csv$/i.test(file.name) ? 'csv' : 'markdown';
    const result = await api.import(format, await file.text(), locale);
    setBusy(false);
    setOutcome(result.ok ? result.data : { error: result.error });
    if (result.ok) onImported();
  }

  return (
    <form class="card kb-import" aria-label={t.importTitle} onSubmit={submit}>
      <h2>{t.importTitle}</h2>
      <p class="muted small">{t.importHint}</p>
      <div class="row">
        <label>
          {t.importFile}
          <input type="file" accept=".csv,.md,.markdown,.txt,text/csv,text/markdown" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </label>
        <label>
          {t.importLocale}
          <select value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t.locales[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="btn" disabled={!file || busy}>
          {t.importButton}
        </button>
      </div>
      {outcome && 'imported' in outcome && (
        <p class="ok" role="status">
          {t.imported(outcome.imported)}
        </p>
      )}
      {outcome && 'error' in outcome && (
        <div class="form-error" role="alert">
          <p>{outcome.error.issues?.length ? t.importProblems : outcome.error.message}</p>
          {outcome.error.issues?.length ? (
            <ul class="kb-import-problems">
              {outcome.error.issues.map((issue, i) => (
                <li key={i}>
                  <strong>{issue.path}</strong>: {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
    </form>
  );
}
