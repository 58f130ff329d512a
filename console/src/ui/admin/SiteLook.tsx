/**
 * A site's look (brand colour, launcher side and offsets, label, agent in the header) and its
 * proactive rules, saved together (PUT /api/v1/sites/:id/look). The preview and the contrast
 * warning use the same colour math as the server and the widget (shared/src/look/colour.ts).
 */
import { contrast, inkOn, INK_LIGHT, tooLightOnWhite, type Site, type SiteLook as Look, type SiteLookSettings } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import type { ClientError } from '../../lib/client-error.js';
import { lookText } from '../../i18n/look.js';
import { FormOutcome } from '../common/FormError.js';
import { ProactiveRulesEditor } from './ProactiveRulesEditor.js';

export function SiteLook({ site }: { site: Site }) {
  const app = useApp();
  const t = lookText();
  const [settings, setSettings] = useState<SiteLookSettings | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void app.siteLook.get(site.id).then((result) => {
      if (!live) return;
      if (result.ok) setSettings(result.data);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [app, site.id]);

  if (!settings) {
    return (
      <section class="card" aria-label={t.title}>
        <h3>{t.title}</h3>
        <FormOutcome error={error} saved={null} />
        {!error && <p class="muted">{t.loading}</p>}
      </section>
    );
  }

  const look = settings.look;
  const setLook = (patch: Partial<Look>) => setSettings({ ...settings, look: { ...look, ...patch } });
  const ink = inkOn(look.color);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const result = await app.siteLook.save(site.id, settings!);
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) setSettings(result.data);
    setSaved(result.ok);
  }

  return (
    <form class="card site-look" onSubmit={save} aria-label={t.title}>
      <h3>{t.title}</h3>
      <p class="muted small">{t.intro}</p>
      <div class="form-row">
        <label class="field field-narrow">
          <span>{t.colour}</span>
          <input type="color" name="look-color" value={look.color} onInput={(e) => setLook({ color: e.currentTarget.value.toLowerCase() })} />
        </label>
        <div class="field" aria-live="polite">
          <span>{t.preview}</span>
          <span
            class="look-preview"
            style={{ background: look.color, color: ink, borderRadius: '30px', padding: '10px 18px', display: 'inline-block', fontWeight: 600 }}
          >
            {look.label.en || '●'}
          </span>
          <span class="muted small">
            {' '}
            {t.textOn(ink === INK_LIGHT ? '#ffffff' : '#000000')} ({contrast(look.color, ink).toFixed(1)}:1)
          </span>
        </div>
      </div>
      {tooLightOnWhite(look.color) && (
        <p class="warn" role="note">
          {t.tooLight}
        </p>
      )}
      <div class="form-row">
        <label class="field field-narrow">
          <span>{t.side}</span>
          <select name="look-side" value={look.side} onChange={(e) => setLook({ side: e.currentTarget.value as Look['side'] })}>
            <option value="right">{t.right}</option>
            <option value="left">{t.left}</option>
          </select>
        </label>
        <label class="field field-narrow">
          <span>{t.x}</span>
          <input type="number" name="look-x" min={0} max={400} value={look.x} onInput={(e) => setLook({ x: e.currentTarget.valueAsNumber || 0 })} />
        </label>
        <label class="field field-narrow">
          <span>{t.y}</span>
          <input type="number" name="look-y" min={0} max={400} value={look.y} onInput={(e) => setLook({ y: e.currentTarget.valueAsNumber || 0 })} />
        </label>
      </div>
      <div class="form-row">
        <label class="field">
          <span>{t.labelEn}</span>
          <input name="look-label-en" maxLength={40} value={look.label.en ?? ''} onInput={(e) => setLook({ label: { ...look.label, en: e.currentTarget.value } })} />
        </label>
        <label class="field">
          <span>{t.labelZh}</span>
          <input name="look-label-zh" maxLength={40} value={look.label.zh ?? ''} onInput={(e) => setLook({ label: { ...look.label, zh: e.currentTarget.value } })} />
        </label>
      </div>
      <label class="check">
        <input type="checkbox" name="look-show-agent" checked={look.showAgent} onChange={(e) => setLook({ showAgent: e.currentTarget.checked })} />{' '}
        {t.showAgent}
      </label>
      <ProactiveRulesEditor value={settings.proactive} onChange={(proactive) => setSettings({ ...settings, proactive })} />
      <FormOutcome error={error} saved={saved ? t.saved : null} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t.save}
        </button>
      </div>
    </form>
  );
}
