import type { Tier } from '@counter/shared';

/** Verified (signed by the shop) and VIP marks, next to a shopper's name. */
export function VisitorBadges({ verified, tier }: { verified: boolean; tier: Tier | null }) {
  return (
    <>
      {verified && (
        <span class="mark-verified" title="Identity verified by the shop's signature" aria-label="verified">
          ✓
        </span>
      )}
      {tier === 'vip' && (
        <span class="pill pill-vip" title="VIP customer">
          VIP
        </span>
      )}
    </>
  );
}
