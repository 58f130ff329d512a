/**
 * The identity secrets a site accepts right now: the current one and, for the grace period
 * after a rotation, the previous one. Each has a `kid` (key id) that JWTs name.
 */
import { createHash } from 'node:crypto';
import type { SiteDoc } from '../../store/documents.js';

export interface IdentityKey {
  kid: string;
  secret: string;
}

/**
 * A fingerprint of the secret, so existing sites need no stored key id and the kid changes
 * exactly when the secret does. 48 bits of a hash of 256 random bits reveal nothing of it.
 */
export function keyIdOf(secret: string): string {
  return createHash('sha256').update(`counter-identity-kid|${secret}`).digest('base64url').slice(0, 8);
}

/** The previous secret while its grace period lasts, else null. */
export function previousKey(site: Pick<SiteDoc, 'previousIdentitySecret'>, now: number): IdentityKey | null {
  // Sites stored before rotation had a grace period have no such field.
  const previous = site.previousIdentitySecret ?? null;
  if (!previous || previous.until <= now) return null;
  return { kid: keyIdOf(previous.secret), secret: previous.secret };
}

/** Current first: a claim without a kid is checked against it, then the previous one. */
export function acceptedKeys(site: Pick<SiteDoc, 'identitySecret' | 'previousIdentitySecret'>, now: number): IdentityKey[] {
  const current = { kid: keyIdOf(site.identitySecret), secret: site.identitySecret };
  const previous = previousKey(site, now);
  return previous ? [current, previous] : [current];
}
