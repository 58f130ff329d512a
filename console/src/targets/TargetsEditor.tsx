/**
 * A site's response targets (issue 14, item 4): per tier, the first reply, the next reply and
 * left messages, in seconds; and what happens before a miss. A lazy part of the site page
 * (ui/admin/SiteEditor.tsx); saved with PUT /api/v1/sites/:id/targets, which validates.
 */
import type { EscalationAction, ResponseTargets, Site, TargetTier, TierTargets } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { createHttpClient } from '../api/http-client.js';
import { targetsText } from '../i18n/targets.js';
import type { ClientError } from '../lib/client-error.js';
import { FormOutcome } from '../ui/common/FormError.js';


const http = createHttpClient((input, init) => fetch(input, init));
const FIELDS = ['firstSeconds', 'nextSeconds', 'asyncSeconds'] as const;
const ACTIONS: EscalationAction[] = ['notify', 'offer', 'move'];

export function TargetsEditor({ site }: { site: Site }) {
  const t = targetsText();
  const url = `/api/v1/sites/${encodeURIComponent(site.id)}/targets`;
  const [targets, setTargets] = useState<ResponseTargets | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void http.request<{ targets: ResponseTargets }>('GET', url).then((r) => {
      if (!live) return;
      if (r.ok) setTargets(r.data.targets);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [url]);

  if (!targets) {
    return (
      <section class="card" aria-label={t.title}>
        <h3>{t.title}</h3>
        <FormOutcome error={error} saved={null} />
        {!error && <p class="muted">{t.loading}</p>}
      </section>
    );
  }

  const setTier = (tier: TargetTier, patch: Partial<TierTargets>) => setTargets({ ...targets, [tier]: { ...targets[tier], ...patch } });

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const r = await http.request<{ targets: ResponseTargets }>('PUT', url, { targets });
    setBusy(false);
    setError(r.ok ? null : r.error);
    if (r.ok) setTargets(r.data.targets);
    setSaved(r.ok);
  }

  return (
    <form class="card site-targets" onSubmit={save} aria-label={t.title}>
      <h3>{t.title}</h3>
      <p class="muted">{t.intro}</p>
      <div class="targets-grid">
        {(['vip', 'standard'] as const).map((tier) => (
          <fieldset key={tier} data-tier={tier}>
            <legend>{t[tier]}</legend>
            {FIELDS.map((field) => (
              <label key={field} class="field">
                <span>{t[field]}</span>
                <input
                  type="number"
                  name={`${tier}-${field}`}
                  min={5}
                  max={604800}
                  required
                  value={targets[tier][field]}
                  onInput={(e) => setTier(tier, { [field]: Number(e.currentTarget.value) })}
                />
              </label>
            ))}
          </fieldset>
        ))}
        <fieldset>
          <legend>{t.escalation}</legend>
          <label class="field">
            <span>{t.atPercent}</span>
            <input
              type="number"
              name="at-percent"
              min={10}
              max={100}
              required
              value={targets.escalation.atPercent}
              onInput={(e) => setTargets({ ...targets, escalation: { ...targets.escalation, atPercent: Number(e.currentTarget.value) } })}
            />
          </label>
          {ACTIONS.map((action) => (
            <label key={action} class="check">
              <input
                type="radio"
                name="escalation-action"
                value={action}
                checked={targets.escalation.action === action}
                onChange={() => setTargets({ ...targets, escalation: { ...targets.escalation, action } })}
              />{' '}
              {t[`action${action[0]!.toUpperCase()}${action.slice(1)}` as 'actionNotify']}
            </label>
          ))}
        </fieldset>
      </div>
      <FormOutcome error={error} saved={saved ? t.saved : null} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t.save}
        </button>
      </div>
    </form>
  );
}
