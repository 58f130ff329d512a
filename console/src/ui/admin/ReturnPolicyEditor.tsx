/**
 * A site's return policy (issue 12 leftovers, admins): the reasons a shopper picks from (en +
 * zh labels), which of them are quality problems, and the reply target for those. Part of the
 * Sites page's lazy chunk; it talks through the socket itself (app.live), so nothing is added
 * to the console's main chunk. Checked here first so each mistake is named by its row; the
 * server checks again (its message is shown as it comes).
 */
import type { ReturnPolicy, ReturnReason, Site } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { returnPolicyText } from '../../i18n/return-policy.js';
import { FormOutcome } from '../common/FormError.js';

type Text = ReturnType<typeof returnPolicyText>;
const ID = /^[a-z0-9_-]{1,40}$/;

/** The first mistake in the policy, in words an admin can act on; null when it can be saved. */
export function policyProblem(policy: ReturnPolicy, t: Text): string | null {
  const { reasons, qualityReplyHours: hours } = policy;
  if (reasons.length === 0) return t.errors.none;
  if (reasons.length > 20) return t.errors.many;
  const seen = new Set<string>();
  for (const [i, r] of reasons.entries()) {
    if (!ID.test(r.id)) return t.errors.id(i + 1);
    if (seen.has(r.id)) return t.errors.twice(r.id);
    seen.add(r.id);
    const en = r.label.en.trim();
    if (!en || en.length > 100) return t.errors.label(i + 1);
    if ((r.label.zh ?? '').trim().length > 100) return t.errors.zh(i + 1);
  }
  if (!Number.isInteger(hours) || hours < 1 || hours > 720) return t.errors.hours;
  return null;
}

/** What is sent: labels trimmed, an empty Chinese label left out (the shopper then reads the English). */
function cleaned(policy: ReturnPolicy): ReturnPolicy {
  return {
    qualityReplyHours: policy.qualityReplyHours,
    reasons: policy.reasons.map((r) => {
      const zh = r.label.zh?.trim();
      return { id: r.id.trim(), quality: r.quality, label: zh ? { en: r.label.en.trim(), zh } : { en: r.label.en.trim() } };
    }),
  };
}

export function ReturnPolicyEditor({ site }: { site: Site }) {
  const app = useApp();
  const t = returnPolicyText();
  const [policy, setPolicy] = useState<ReturnPolicy | null>(null);
  const [hoursText, setHoursText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void app.live()?.command('return-policy:get', { siteId: site.id }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setPolicy(r.data.policy);
      setHoursText(String(r.data.policy.qualityReplyHours));
    });
  }, [site.id]);
  if (!policy) return error ? <p class="error">{error}</p> : null;

  const edit = (next: ReturnPolicy) => (setPolicy(next), setSaved(false));
  const change = (i: number, patch: Partial<ReturnReason>) => edit({ ...policy, reasons: policy.reasons.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  async function save(e: Event) {
    e.preventDefault();
    const next = cleaned({ ...policy!, qualityReplyHours: hoursText.trim() === '' ? NaN : Number(hoursText) });
    const problem = policyProblem(next, t);
    setError(problem);
    if (problem) return;
    setBusy(true);
    const r = await app.live()?.command('return-policy:set', { siteId: site.id, policy: next });
    setBusy(false);
    if (!r) return;
    if (!r.ok) return setError(r.error.message);
    setPolicy(r.data.policy);
    setSaved(true);
  }

  return (
    <form class="card return-policy" aria-label={t.title} onSubmit={save} noValidate>
      <h2>{t.title}</h2>
      <p class="muted small">{t.intro}</p>
      <table class="limits-table">
        <thead>
          <tr>
            <th>{t.id}</th>
            <th>{t.english}</th>
            <th>{t.chinese}</th>
            <th>{t.quality}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {policy.reasons.map((r, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`${t.row(i + 1)} ${t.id}`} value={r.id} size={12} onInput={(e) => change(i, { id: e.currentTarget.value })} />
              </td>
              <td>
                <input aria-label={`${t.row(i + 1)} ${t.english}`} value={r.label.en} onInput={(e) => change(i, { label: { ...r.label, en: e.currentTarget.value } })} />
              </td>
              <td>
                <input aria-label={`${t.row(i + 1)} ${t.chinese}`} value={r.label.zh ?? ''} onInput={(e) => change(i, { label: { ...r.label, zh: e.currentTarget.value } })} />
              </td>
              <td>
                <input type="checkbox" aria-label={`${t.row(i + 1)} ${t.quality}`} checked={r.quality} onChange={(e) => change(i, { quality: e.currentTarget.checked })} />
              </td>
              <td>
                <button type="button" class="btn btn-small" aria-label={`${t.remove} ${t.row(i + 1)}`} onClick={() => edit({ ...policy, reasons: policy.reasons.filter((_, j) => j !== i) })}>
                  {t.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="form-actions">
        <button type="button" class="btn btn-small" disabled={policy.reasons.length >= 20} onClick={() => edit({ ...policy, reasons: [...policy.reasons, { id: '', label: { en: '' }, quality: false }] })}>
          {t.add}
        </button>
      </div>
      <label class="small">
        {t.hours}{' '}
        <input inputMode="numeric" size={5} value={hoursText} onInput={(e) => (setHoursText(e.currentTarget.value), setSaved(false))} />
      </label>
      <FormOutcome error={error} saved={saved && !error ? t.saved : null} />
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t.save}
        </button>
      </div>
    </form>
  );
}
