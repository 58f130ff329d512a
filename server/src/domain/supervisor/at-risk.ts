/**
 * The live view's "at risk" list (issue 15 leftovers): the held and queued conversations whose
 * shopper waits for a reply, by when that wait misses its response target (dueOf: the site's
 * targets per tier and kind: first reply, next reply, offline), soonest first. A VIP's 30 s
 * first reply comes before a standard shopper who has waited longer against a 3 min target.
 */
import { dueOf } from '@counter/shared';
import type { ConversationDoc, SiteDoc } from '../../store/documents.js';
import { targetsOf } from '../targets/target-settings.js';

export function atRiskByDue(conversations: ConversationDoc[], site: Pick<SiteDoc, 'targets'>, limit: number): { c: ConversationDoc; dueAt: number }[] {
  const targets = targetsOf(site);
  const due: { c: ConversationDoc; dueAt: number }[] = [];
  for (const c of conversations) {
    const d = dueOf(c, targets);
    if (d) due.push({ c, dueAt: d.dueAt });
  }
  return due.sort((a, b) => a.dueAt - b.dueAt).slice(0, limit);
}
