import type { VisitorSummary } from '@counter/shared';
import { commonText } from '../../i18n/common.js';

/**
 * Marks next to a shopper's name. The verified mark means the name (or email) shown was
 * signed by the shop; a customer id signed with a name the browser supplied gets a plainer
 * "ID verified", so nobody can show agents someone else's name beside the mark.
 */
export function VisitorBadges({ visitor }: { visitor: Pick<VisitorSummary, 'name' | 'email' | 'verified' | 'nameVerified' | 'emailVerified' | 'tier'> }) {
  const t = commonText();
  const labelSigned = visitor.name?.trim() ? visitor.nameVerified : visitor.email ? visitor.emailVerified : false;
  return (
    <>
      {visitor.verified && labelSigned && (
        <span class="mark-verified" title={t.verifiedTitle} aria-label={t.verified}>
          ✓
        </span>
      )}
      {visitor.verified && !labelSigned && (
        <span class="pill pill-muted mark-id-verified" title={t.idVerifiedTitle}>
          {t.idVerified}
        </span>
      )}
      {visitor.tier === 'vip' && (
        <span class="pill pill-vip" title={t.vipTitle}>
          {t.vip}
        </span>
      )}
    </>
  );
}
