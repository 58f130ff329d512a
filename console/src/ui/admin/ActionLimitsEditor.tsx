/** A site's after-sales limits per role; amounts typed in major units of the shop's currency. */
import type { ActionKind, ActionLimits, RoleLimits, Site } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { afterSalesText } from '../../i18n/after-sales.js';
import { limitsCurrencyText } from '../../i18n/limits-currency.js';
import { currencyDigits } from '../../lib/order-text.js';

const ROLES = ['agent', 'supervisor', 'admin'] as const;
const KINDS: ActionKind[] = ['refund', 'cancel', 'return_request', 'return_update', 'voucher'];
/** Each number, and whether it is money (major units of the chosen currency) or a percentage. */
const NUMBERS = [
  ['maxRefund', true],
  ['maxRefundPercent', false],
  ['dailyTotal', true],
  ['maxVoucher', true],
  ['maxVoucherPercent', false],
] as const;
/** The limits are minor units of the order's currency; the admin says which one they type in. */
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'HKD', 'JPY', 'KRW', 'KWD', 'BHD', 'SGD', 'AUD', 'CAD'];

export function ActionLimitsEditor({ site }: { site: Site }) {
  const app = useApp();
  const t = afterSalesText();
  const [limits, setLimits] = useState<ActionLimits | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [currency, setCurrency] = useState('USD');
  const rt = limitsCurrencyText();
  // JPY has no minor unit and KWD three: one typed unit is 10^digits minor units.
  const money = 10 ** currencyDigits(currency);

  useEffect(() => {
    void app.afterSales.limits(site.id).then((r) => (r.ok ? setLimits(r.data.limits) : setStatus(r.error.message)));
  }, [site.id]);
  if (!limits) return status ? <p class="error">{status}</p> : null;

  const change = (role: (typeof ROLES)[number], patch: Partial<RoleLimits>) => setLimits({ ...limits, [role]: { ...limits[role], ...patch } });
  const num = (v: string, scale: number) => (v.trim() === '' ? null : Math.round(Number(v) * scale));

  async function save(e: Event) {
    e.preventDefault();
    const r = await app.afterSales.setLimits(site.id, limits!);
    setStatus(r.ok ? t.saved : r.error.message);
  }

  return (
    <form class="card action-limits" aria-label={t.limits} onSubmit={save}>
      <h2>{t.limits}</h2>
      <p class="muted small">{t.limitsIntro}</p>
      <label class="small">
        {rt.limitsCurrency}{' '}
        <select value={currency} onChange={(e) => setCurrency(e.currentTarget.value)}>
          {CURRENCIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <table class="limits-table">
        <thead>
          <tr>
            <th />
            {ROLES.map((r) => (
              <th key={r}>{t.role[r]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {NUMBERS.map(([field, isMoney]) => {
            const scale = isMoney ? money : 1;
            return (
            <tr key={field}>
              <th scope="row">{t[field]}</th>
              {ROLES.map((r) => (
                <td key={r}>
                  <input
                    aria-label={`${t.role[r]} ${t[field]}`}
                    inputMode="decimal"
                    value={limits[r][field] === null ? '' : String(limits[r][field]! / scale)}
                    onChange={(e) => change(r, { [field]: num(e.currentTarget.value, scale) })}
                  />
                </td>
              ))}
            </tr>
            );
          })}
          <tr>
            <th scope="row">{t.aboveLimit}</th>
            {ROLES.map((r) => (
              <td key={r}>
                <select value={limits[r].aboveLimit} onChange={(e) => change(r, { aboveLimit: e.currentTarget.value as RoleLimits['aboveLimit'] })}>
                  <option value="approval">{t.approval}</option>
                  <option value="refuse">{t.refuse}</option>
                </select>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t.allowed}</th>
            {ROLES.map((r) => (
              <td key={r}>
                {KINDS.map((k) => (
                  <label key={k} class="check small">
                    <input
                      type="checkbox"
                      checked={limits[r].allowed.includes(k)}
                      onChange={(e) => change(r, { allowed: e.currentTarget.checked ? [...limits[r].allowed, k] : limits[r].allowed.filter((x) => x !== k) })}
                    />{' '}
                    {t.kind[k]}
                  </label>
                ))}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {status && <p class="muted small" role="status">{status}</p>}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary">{t.save}</button>
      </div>
    </form>
  );
}
