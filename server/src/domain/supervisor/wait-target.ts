/**
 * The wait a site aims to stay under, for the peak warning: the site's first-reply target for
 * standard shoppers. Response targets per site are the "targets" work of issues 14/15
 * (`site.targets`, same default of 180 s); read structurally here so this file needs no
 * change when that lands. Until then, Taobao's well-known bar: a first reply within 3 minutes.
 */
import type { SiteDoc } from '../../store/documents.js';

export const DEFAULT_WAIT_TARGET_SECONDS = 180;

type WithTargets = SiteDoc & { targets?: { standard?: { firstSeconds?: number } } | null };

export function waitTargetSeconds(site: SiteDoc): number {
  const target = (site as WithTargets).targets?.standard?.firstSeconds;
  return typeof target === 'number' && target > 0 ? target : DEFAULT_WAIT_TARGET_SECONDS;
}
