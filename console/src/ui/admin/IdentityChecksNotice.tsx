/**
 * "N failed identity checks in the last 24 h": a merchant whose signing code is wrong
 * learns it here (and in the shop page's console), instead of from shoppers who were
 * silently left anonymous (issue 10, item 16).
 */
import { IDENTITY_REJECTIONS, type IdentityRejection, type Site } from '@counter/shared';
import { useEffect } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { sitesText } from '../../i18n/sites.js';
import { useStore } from '../../lib/use-store.js';
import { fullDate } from '../../lib/time-format.js';

const reasonText = (reason: string): string =>
  Object.hasOwn(IDENTITY_REJECTIONS, reason) ? IDENTITY_REJECTIONS[reason as IdentityRejection] : reason;

export function IdentityChecksNotice({ site }: { site: Site }) {
  const app = useApp();
  const report = useStore(app.stores.adminSites, (s) => s.identityChecks[site.id]);
  useEffect(() => {
    void app.stores.adminSites.getState().loadIdentityChecks(site.id);
  }, [app, site.id]);
  if (!report || report.failedLast24h === 0 || !report.lastFailure) return null;
  const n = report.failedLast24h;
  const t = sitesText();
  return (
    <p class="warn identity-checks" role="note">
      <strong>{t.failedChecks(n)}</strong>
      {t.failedDetail(fullDate(report.lastFailure.at), reasonText(report.lastFailure.reason))}
    </p>
  );
}
