import type { SiteId } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { sitesText } from '../../i18n/sites.js';
import type { ClientError } from '../../lib/client-error.js';
import { useStore } from '../../lib/use-store.js';
import { FormError } from '../common/FormError.js';
import { AuditLog } from './AuditLog.js';
import { SiteEditor } from './SiteEditor.js';

export function SitesPage() {
  const app = useApp();
  const sites = useStore(app.stores.adminSites, (s) => s.sites);
  const error = useStore(app.stores.adminSites, (s) => s.error);
  // Only the owner adds sites; an admin runs the sites they were given.
  const isOwner = useStore(app.stores.session, (s) => s.agent?.role === 'owner');
  const [selected, setSelected] = useState<SiteId | null>(null);
  const [name, setName] = useState('');
  const [createError, setCreateError] = useState<ClientError | null>(null);
  const t = sitesText();

  useEffect(() => {
    void app.stores.adminSites.getState().load();
  }, []);
  const site = sites.find((s) => s.id === selected) ?? sites[0] ?? null;

  async function create(e: Event) {
    e.preventDefault();
    const result = await app.stores.adminSites.getState().create({ name: name.trim() });
    if ('error' in result) return setCreateError(result.error);
    setCreateError(null);
    setName('');
    setSelected(result.site.id);
  }

  return (
    <section class="page">
      <header class="page-head">
        <h1>{t.title}</h1>
        <p class="muted">{t.intro}</p>
      </header>
      <FormError error={error} />
      <div class="sites">
        <nav class="site-list card" aria-label={t.title}>
          <ul>
            {sites.map((s) => (
              <li key={s.id}>
                <button type="button" class={`site-pick${site?.id === s.id ? ' on' : ''}`} onClick={() => setSelected(s.id)}>
                  <span class="strong">{s.name}</span>
                  <span class="muted small">{s.allowedOrigins.length ? s.allowedOrigins.join(', ') : t.anyMayEmbed}</span>
                </button>
              </li>
            ))}
          </ul>
          {isOwner && (
            <form class="site-create" onSubmit={create} aria-label={t.addSiteForm}>
              <label class="field">
                <span>{t.newSite}</span>
                <input required maxLength={100} placeholder={t.shopName} value={name} onInput={(e) => setName(e.currentTarget.value)} />
              </label>
              <FormError error={createError} />
              <button type="submit" class="btn btn-primary btn-block">
                {t.addSite}
              </button>
            </form>
          )}
        </nav>
        {site ? <SiteEditor key={site.id} site={site} /> : <p class="muted">{t.noSites}</p>}
      </div>
      <AuditLog />
    </section>
  );
}
