/** What a shop's server does to identify a customer: the plain HMAC (v2) or a JWT. */
import { createHmac } from 'node:crypto';
import { identitySigningString } from '@counter/shared';
import { SignJWT } from 'jose';

export function signIdentity(secret: string, id: string, tier?: 'vip'): string {
  return createHmac('sha256', secret).update(identitySigningString(id, tier)).digest('hex');
}

export interface IdentityJwtOptions {
  kid?: string;
  /** Seconds from now; null: no exp claim at all. Default 10 minutes. */
  expiresIn?: number | null;
  /** "now" for iat/exp, in ms (default: the real clock). */
  now?: number;
}

export function identityJwt(
  secret: string,
  claims: { sub: string; name?: string; email?: string; tier?: 'vip' },
  options: IdentityJwtOptions = {},
): Promise<string> {
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', ...(options.kid ? { kid: options.kid } : {}) }).setIssuedAt(now);
  const expiresIn = options.expiresIn === undefined ? 600 : options.expiresIn;
  if (expiresIn !== null) jwt.setExpirationTime(now + expiresIn);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** An unsigned token ("alg": "none"), as an attacker would send one. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
