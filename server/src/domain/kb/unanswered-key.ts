/**
 * One key per unanswered question of a site: the same question asked with other spacing,
 * case or width counts once, and an article whose title or alternative question is that
 * question removes it from the list.
 */
import type { SiteId } from '@counter/shared';
import { sha256 } from '../crypto.js';

export const unansweredKey = (siteId: SiteId, question: string): string =>
  `${siteId}:${sha256(question.normalize('NFKC').toLowerCase().trim())}`;
