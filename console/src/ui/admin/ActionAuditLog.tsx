/** The after-sales part of the audit log: every step of every action, filtered by agent, action and date; CSV export. */
import type { ActionAuditEntry, ActionKind } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { afterSalesText } from '../../i18n/after-sales.js';
import { toCsv } from '../../lib/csv.js';
import { orderDate, orderMoney } from '../../lib/order-text.js';
import { routeHref } from '../../stores/route-store.js';

const KINDS: ActionKind[] = ['refund', 'cancel', 'return_request', 'return_update', 'voucher'];
const DAY = 86_400_000;

export function ActionAuditLog() {
  const app = useApp();
  const t = afterSalesText();
  const [entries, setEntries] = useState<ActionAuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [agentId, setAgentId] = useState('');
  const [kind, setKind] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  async function load() {
    const r = await app.afterSales.audit({
      ...(agentId ? { agentId: agentId as never } : {}),
      ...(kind ? { kind: kind as ActionKind } : {}),
      ...(from ? { from: Date.parse(from) } : {}),
      ...(to ? { to: Date.parse(to) + DAY - 1 } : {}),
    });
    if (r.ok) setEntries(r.data.entries);
    else setError(r.error.message);
  }
  useEffect(() => void load(), []);

  const agents = new Map((entries ?? []).map((e) => [e.agentId, e.agentName]));

  function exportCsv() {
    const header = ['at', 'agent', 'action', 'event', 'amount', 'currency', 'order', 'conversation', 'reference', 'outcome', 'key'];
    const rows = (entries ?? []).map((e) => [new Date(e.at).toISOString(), e.agentName, e.action, e.event, e.amount, e.currency, e.orderNumber, e.conversationId, e.reference, e.outcome, e.idempotencyKey]);
    const url = URL.createObjectURL(new Blob([toCsv([header, ...rows])], { type: 'text/csv;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'after-sales-audit.csv' });
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <section class="card audit" aria-label={t.auditActions}>
      <h2>{t.auditActions}</h2>
      <p class="muted small">{t.auditActionsIntro}</p>
      <form
        class="row audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label class="field field-narrow">
          <span>{t.filterAgent}</span>
          <select value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)}>
            <option value="">{t.any}</option>
            {[...agents].map(([id, name]) => (
              <option key={id} value={id}>{name}</option>
            ))}
          </select>
        </label>
        <label class="field field-narrow">
          <span>{t.filterAction}</span>
          <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
            <option value="">{t.any}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>{t.kind[k]}</option>
            ))}
          </select>
        </label>
        <label class="field field-narrow">
          <span>{t.from}</span>
          <input type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label class="field field-narrow">
          <span>{t.to}</span>
          <input type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn-small">{t.apply}</button>
        <button type="button" class="btn btn-small" disabled={!entries?.length} onClick={exportCsv}>{t.csv}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {entries && entries.length > 0 && (
        <table class="audit-table">
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{orderDate(e.at)}</td>
                <td>{e.agentName}</td>
                <td>{t.kind[e.action]} · {e.event}</td>
                <td class="num">{e.amount !== null && e.currency ? orderMoney(e.amount, e.currency) : ''}</td>
                <td>{t.order(e.orderNumber)}{e.reference && <> · <code>{e.reference}</code></>}</td>
                <td>
                  <a href={routeHref({ name: 'conversation', id: e.conversationId })}>→</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
