/**
 * One site's settings, saved together. The identity secret has its own section: it is shown
 * only on request; after a rotation the old one keeps verifying for the server's grace period.
 */
import type { BusinessHours, Locale, Site } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { sitesText } from '../../i18n/sites.js';
import type { ClientError } from '../../lib/client-error.js';
import { FormOutcome } from '../common/FormError.js';
import { BusinessHoursEditor } from './BusinessHoursEditor.js';
import { EmbedSnippet } from './EmbedSnippet.js';
import { IdentitySecret } from './IdentitySecret.js';
import { OrderProviderSettings } from './OrderProviderSettings.js';
import { ActionLimitsEditor } from './ActionLimitsEditor.js';
import { ReturnPolicyEditor } from './ReturnPolicyEditor.js';
import { SiteLook } from './SiteLook.js';
// Routing settings (issue 14): part of this page's lazy chunk (a chunk of its own would add
// its name to the first chunk's preload map).
import { RoutingSettingsEditor } from './routing/RoutingSettingsEditor.js';
import { lazyPart } from '../common/lazy-part.js';

// Response targets (issue 14, item 4): its own chunk, fetched when a site is opened.
const LazyTargetsEditor = lazyPart(() => import('../../targets/entry.js').then((m) => m.TargetsEditor), 'inline');

export function parseOrigins(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean))];
}

export function SiteEditor({ site }: { site: Site }) {
  const app = useApp();
  const [name, setName] = useState(site.name);
  const [origins, setOrigins] = useState(site.allowedOrigins.join('\n'));
  const [greetingEn, setGreetingEn] = useState(site.greeting.en ?? '');
  const [greetingZh, setGreetingZh] = useState(site.greeting.zh ?? '');
  const [locale, setLocale] = useState<Locale>(site.defaultLocale);
  const [hours, setHours] = useState<BusinessHours | null>(site.businessHours);
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const originList = parseOrigins(origins);
  const t = sitesText();

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const failure = await app.stores.adminSites.getState().update(site.id, {
      name: name.trim(),
      allowedOrigins: originList,
      // An empty greeting is left out, so the widget falls back to its default text.
      greeting: { ...(greetingEn.trim() ? { en: greetingEn.trim() } : {}), ...(greetingZh.trim() ? { zh: greetingZh.trim() } : {}) },
      businessHours: hours,
      defaultLocale: locale,
    });
    setBusy(false);
    setError(failure);
    setSaved(!failure);
  }

  return (
    <div class="site-editor">
      <form class="card" onSubmit={save} aria-label={t.settingsOf(site.name)}>
        <h2>{site.name}</h2>
        <p class="muted small">
          {t.siteId}
          <code>{site.id}</code>
        </p>
        <label class="field">
          <span>{t.name}</span>
          <input name="site-name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.origins}</span>
          <textarea name="origins" rows={3} value={origins} onInput={(e) => setOrigins(e.currentTarget.value)} />
        </label>
        {originList.length === 0 && (
          <p class="warn" role="note">
            {t.noOriginsBefore}
            <strong>{t.anyWebsite}</strong>
            {t.noOriginsAfter}
          </p>
        )}
        <div class="form-row">
          <label class="field">
            <span>{t.greetingEn}</span>
            <textarea name="greeting-en" rows={2} maxLength={300} value={greetingEn} onInput={(e) => setGreetingEn(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t.greetingZh}</span>
            <textarea name="greeting-zh" rows={2} maxLength={300} value={greetingZh} onInput={(e) => setGreetingZh(e.currentTarget.value)} />
          </label>
        </div>
        <label class="field field-narrow">
          <span>{t.defaultLanguage}</span>
          <select name="locale" value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale)}>
            <option value="en">English</option>
            <option value="zh">中文</option>
          </select>
        </label>
        <BusinessHoursEditor value={hours} onChange={setHours} />
        <FormOutcome error={error} saved={saved ? t.saved : null} />
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t.saveSite}
          </button>
        </div>
      </form>
      <SiteLook key={`look-${site.id}`} site={site} />
      <LazyTargetsEditor key={`targets-${site.id}`} site={site} />
      <OrderProviderSettings key={site.id} site={site} />
      <ActionLimitsEditor key={`limits-${site.id}`} site={site} />
      <ReturnPolicyEditor key={`returns-${site.id}`} site={site} />
      <RoutingSettingsEditor key={`routing-${site.id}`} site={site} />
      <IdentitySecret site={site} />
      <EmbedSnippet site={site} />
    </div>
  );
}
