import type { VisitorProfile, VisitorSummary } from '@counter/shared';
import { commonText } from '../i18n/common.js';

/** What to call a shopper: their name, else their email, else a short stable handle. */
export function visitorLabel(visitor: Pick<VisitorSummary, 'id' | 'name' | 'email'> | null | undefined, fallbackId = ''): string {
  const name = visitor?.name?.trim();
  if (name) return name;
  if (visitor?.email) return visitor.email;
  const id = visitor?.id ?? fallbackId;
  return commonText().shopper(id.slice(0, 4).toUpperCase());
}

/** One or two letters for the avatar. */
export function initials(label: string): string {
  const words = label.replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const letters = words.length > 1 ? [words[0]![0], words[1]![0]] : [...words[0]!].slice(0, 2);
  return letters.join('').toUpperCase();
}

/** The inbox row's part of a full profile. */
export function visitorSummaryOf(v: VisitorSummary | VisitorProfile): VisitorSummary {
  const { id, name, email, verified, nameVerified, emailVerified, tier, currentPage } = v;
  return { id, name, email, verified, nameVerified, emailVerified, tier, currentPage };
}
