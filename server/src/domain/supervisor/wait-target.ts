/**
 * The wait a site aims to stay under, for the peak warning. Seam: response targets per site
 * are another part of issue 15 (the "targets" work); until a site carries one, the warning
 * uses Taobao's well-known bar, a first reply within 3 minutes.
 */
import type { SiteDoc } from '../../store/documents.js';

export const DEFAULT_WAIT_TARGET_SECONDS = 180;

export function waitTargetSeconds(site: SiteDoc): number {
  const target = (site as SiteDoc & { responseTargets?: { firstReplySeconds?: number } | null }).responseTargets?.firstReplySeconds;
  return typeof target === 'number' && target > 0 ? target : DEFAULT_WAIT_TARGET_SECONDS;
}
