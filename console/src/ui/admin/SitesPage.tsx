import type { SiteId } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
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
        <h1>Sites</h1>
        <p class="muted">Each shop that embeds the chat is a site: its own allowed origins, greeting, hours and identity secret.</p>
      </header>
      <FormError error={error} />
      <div class="sites">
        <nav class="site-list card" aria-label="Sites">
          <ul>
            {sites.map((s) => (
              <li key={s.id}>
                <button type="button" class={`site-pick${site?.id === s.id ? ' on' : ''}`} onClick={() => setSelected(s.id)}>
                  <span class="strong">{s.name}</span>
                  <span class="muted small">{s.allowedOrigins.length ? s.allowedOrigins.join(', ') : 'any site may embed'}</span>
                </button>
              </li>
            ))}
          </ul>
          {isOwner && (
            <form class="site-create" onSubmit={create} aria-label="Add a site">
              <label class="field">
                <span>New site</span>
                <input required maxLength={100} placeholder="Shop name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
              </label>
              <FormError error={createError} />
              <button type="submit" class="btn btn-primary btn-block">
                Add site
              </button>
            </form>
          )}
        </nav>
        {site ? <SiteEditor key={site.id} site={site} /> : <p class="muted">No sites yet.</p>}
      </div>
      <AuditLog />
    </section>
  );
}
