/**
 * Checks a shop's identity claim against the site's accepted secrets: the plain HMAC over
 * identitySigningString (v2) or an HS256 JWT. Pure: no store, the clock is passed in.
 */
import {
  IDENTITY_CLOCK_SKEW_SECONDS,
  IDENTITY_TOKEN_MAX_LIFETIME_SECONDS,
  identitySigningString,
  type IdentityRejection,
  type Tier,
} from '@counter/shared';
import { identityClaims, type identifyHmac, type identifyJwt, type z } from '@counter/shared/schemas';
import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { hexEquals, hmacSha256Hex } from '../crypto.js';
import type { IdentityKey } from './keys.js';

/** A customer the shop vouched for; name and email count as verified only when signed. */
export interface VerifiedIdentity {
  id: string;
  tier: Tier | null;
  name: { value: string; signed: boolean } | null;
  email: { value: string; signed: boolean } | null;
}

export type ClaimCheck = { ok: true; identity: VerifiedIdentity } | { ok: false; reason: IdentityRejection };

const HEX_SHA256 = /^[0-9a-f]{64}$/i;
const encoder = new TextEncoder();

export function verifyHmacClaim(claim: z.output<typeof identifyHmac>, keys: IdentityKey[]): ClaimCheck {
  if (!HEX_SHA256.test(claim.signature)) return { ok: false, reason: 'malformed' };
  const signed = identitySigningString(claim.id, claim.tier);
  if (keys.some((k) => hexEquals(hmacSha256Hex(k.secret, signed), claim.signature))) {
    const unsigned = (value: string | undefined) => (value === undefined ? null : { value, signed: false });
    return { ok: true, identity: { id: claim.id, tier: claim.tier ?? null, name: unsigned(claim.name), email: unsigned(claim.email) } };
  }
  // Never accepted (that is the forgery); recognised only to tell the merchant what to change.
  const legacy = claim.tier ? `${claim.id}:${claim.tier}` : claim.id;
  if (keys.some((k) => hexEquals(hmacSha256Hex(k.secret, legacy), claim.signature))) return { ok: false, reason: 'legacy_signature' };
  return { ok: false, reason: 'bad_signature' };
}

export async function verifyJwtClaim(claim: z.output<typeof identifyJwt>, keys: IdentityKey[], now: number): Promise<ClaimCheck> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(claim.jwt);
    if (header.alg !== 'HS256') return { ok: false, reason: 'algorithm_not_allowed' };
    kid = header.kid;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  // A kid names exactly one secret; without one, each accepted secret is tried, current first
  // (as for the plain HMAC), so a shop mid-rotation keeps working either way.
  const candidates = kid === undefined ? keys : keys.filter((k) => k.kid === kid);
  if (!candidates.length) return { ok: false, reason: 'unknown_key' };
  let payload: Record<string, unknown> | null = null;
  let rejection: IdentityRejection = 'bad_signature';
  for (const key of candidates) {
    try {
      ({ payload } = await jwtVerify(claim.jwt, encoder.encode(key.secret), {
        algorithms: ['HS256'],
        requiredClaims: ['exp'],
        clockTolerance: IDENTITY_CLOCK_SKEW_SECONDS,
        currentDate: new Date(now),
      }));
      break;
    } catch (err) {
      rejection = jwtRejection(err);
      if (rejection !== 'bad_signature') break;
    }
  }
  if (!payload) return { ok: false, reason: rejection };
  if ((payload.exp as number) > now / 1000 + IDENTITY_TOKEN_MAX_LIFETIME_SECONDS + IDENTITY_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'lifetime_too_long' };
  }
  const claims = identityClaims.safeParse(payload);
  if (!claims.success) return { ok: false, reason: 'invalid_claims' };
  const { sub, name, email, tier } = claims.data;
  const signed = (value: string | undefined) => (value === undefined ? null : { value, signed: true });
  return { ok: true, identity: { id: sub, tier: tier ?? null, name: signed(name), email: signed(email) } };
}

function jwtRejection(err: unknown): IdentityRejection {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'exp' && err.reason === 'missing') return 'missing_exp';
    if (err.claim === 'nbf' || err.claim === 'iat') return 'not_yet_valid';
    return 'invalid_claims';
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algorithm_not_allowed';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (err instanceof errors.JOSEError) return 'malformed';
  throw err;
}
