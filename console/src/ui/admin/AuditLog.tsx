/** The reveal log (who saw a shopper's address and phone), for the sites the admin runs. */
import type { RevealAuditEntry } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { orderDate, orderText } from '../../lib/order-text.js';
import { routeHref } from '../../stores/route-store.js';
import { ActionAuditLog } from './ActionAuditLog.js';

export function AuditLog() {
  const app = useApp();
  const t = orderText();
  const [entries, setEntries] = useState<RevealAuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void app.orders.audit().then((r) => (r.ok ? setEntries(r.data.entries) : setError(r.error.message)));
  }, []);

  return (
    <>
    <section class="card audit" aria-label={t.audit}>
      <h2>{t.audit}</h2>
      <p class="muted small">{t.auditIntro}</p>
      {error && <p class="error" role="alert">{error}</p>}
      {entries?.length === 0 && <p class="muted">{t.auditEmpty}</p>}
      {entries && entries.length > 0 && (
        <table class="audit-table">
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{orderDate(e.at)}</td>
                <td>{e.agentName}</td>
                <td>{t.order(e.orderId)}</td>
                <td>
                  <a href={routeHref({ name: 'conversation', id: e.conversationId as never })}>→</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
    {/* After-sales actions (issue 12): the same page, its own table and filters. */}
    <ActionAuditLog />
    </>
  );
}
