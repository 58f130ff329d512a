/**
 * Where the site's orders come from. The secret is write-only: the server says whether one
 * is set, never what it is; leaving the field empty keeps it (for the same kind and URL).
 */
import type { OrderProviderKind, Site } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { sitesText } from '../../i18n/sites.js';
import type { ClientError } from '../../lib/client-error.js';
import { FormOutcome } from '../common/FormError.js';

export function OrderProviderSettings({ site }: { site: Site }) {
  const app = useApp();
  const [kind, setKind] = useState<OrderProviderKind>(site.orderProvider.kind);
  const [url, setUrl] = useState(site.orderProvider.url ?? '');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState(false);
  const t = sitesText();

  async function save(e: Event) {
    e.preventDefault();
    setSaved(false);
    const orderProvider =
      kind === 'none' ? { kind } : { kind, url: url.trim(), ...(secret ? { secret } : {}) };
    const failure = await app.stores.adminSites.getState().update(site.id, { orderProvider });
    setError(failure);
    setSaved(!failure);
    if (!failure) setSecret('');
  }

  return (
    <form class="card" onSubmit={save} aria-label={t.ordersOf(site.name)}>
      <h3>{t.orders}</h3>
      <p class="muted small">
        {t.ordersIntro}
      </p>
      <label class="field field-narrow">
        <span>{t.orderSource}</span>
        <select name="order-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as OrderProviderKind)}>
          <option value="none">{t.none}</option>
          <option value="http">{t.http}</option>
          <option value="vendure">{t.vendure}</option>
        </select>
      </label>
      {kind !== 'none' && (
        <>
          <label class="field">
            <span>{t.baseUrl}</span>
            <input name="order-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{kind === 'http' ? t.sharedSecret : t.adminToken}</span>
            <input
              name="order-secret"
              type="password"
              autocomplete="off"
              value={secret}
              placeholder={site.orderProvider.hasSecret ? t.secretSet : t.required}
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
          </label>
        </>
      )}
      <FormOutcome error={error} saved={saved ? t.saved : null} />
      <div class="form-actions">
        <button type="submit" class="btn">
          {t.saveOrderSource}
        </button>
      </div>
    </form>
  );
}
