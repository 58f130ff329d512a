/**
 * Where the site's orders come from. The secret is write-only: the server says whether one
 * is set, never what it is; leaving the field empty keeps it (for the same kind and URL).
 */
import type { OrderProviderKind, Site } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import type { ClientError } from '../../lib/client-error.js';
import { FormOutcome } from '../common/FormError.js';

export function OrderProviderSettings({ site }: { site: Site }) {
  const app = useApp();
  const [kind, setKind] = useState<OrderProviderKind>(site.orderProvider.kind);
  const [url, setUrl] = useState(site.orderProvider.url ?? '');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState(false);

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
    <form class="card" onSubmit={save} aria-label={`Orders of ${site.name}`}>
      <h3>Orders</h3>
      <p class="muted small">
        Agents and shoppers see orders live from the shop. HTTP: your backend implements the signed contract in
        docs/order-provider.openapi.yaml.
      </p>
      <label class="field field-narrow">
        <span>Order source</span>
        <select name="order-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as OrderProviderKind)}>
          <option value="none">None</option>
          <option value="http">HTTP contract</option>
          <option value="vendure">Vendure (Admin API)</option>
        </select>
      </label>
      {kind !== 'none' && (
        <>
          <label class="field">
            <span>Base URL</span>
            <input name="order-url" type="url" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{kind === 'http' ? 'Shared secret (HMAC)' : 'Admin API token'}</span>
            <input
              name="order-secret"
              type="password"
              autocomplete="off"
              value={secret}
              placeholder={site.orderProvider.hasSecret ? 'Set. Leave empty to keep it.' : 'Required'}
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
          </label>
        </>
      )}
      <FormOutcome error={error} saved={saved ? 'Saved.' : null} />
      <div class="form-actions">
        <button type="submit" class="btn">
          Save order source
        </button>
      </div>
    </form>
  );
}
