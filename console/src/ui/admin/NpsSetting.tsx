/**
 * Where a site's rating settings are: whether the widget asks the 0–10 NPS question after the
 * rating (issue 15 leftovers). Saved on its own (PATCH of the site's `nps`).
 */
import type { Site } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { npsText } from '../../i18n/nps.js';
import type { ClientError } from '../../lib/client-error.js';
import { FormOutcome } from '../common/FormError.js';

export function NpsSetting({ site }: { site: Site }) {
  const app = useApp();
  const t = npsText();
  const [on, setOn] = useState(site.nps === true);
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const failure = await app.stores.adminSites.getState().update(site.id, { nps: on });
    setBusy(false);
    setError(failure);
    setSaved(!failure);
  }

  return (
    <form class="card" onSubmit={save} aria-label={t.title}>
      <h3>{t.title}</h3>
      <label class="check">
        <input type="checkbox" name="nps" checked={on} onChange={(e) => setOn(e.currentTarget.checked)} /> {t.ask}
      </label>
      <p class="muted small">{t.hint}</p>
      <FormOutcome error={error} saved={saved ? t.saved : null} />
      <div class="form-actions">
        <button type="submit" class="btn" disabled={busy}>
          {t.save}
        </button>
      </div>
    </form>
  );
}
