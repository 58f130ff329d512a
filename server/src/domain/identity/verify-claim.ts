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
  const candidates = keysFor(claim.jwt, keys);
  if (!Array.isArray(candidates)) return { ok: false, reason: candidates };
  const verified = await verifyWithAny(claim.jwt, candidates, now);
  if (!verified.ok) return verified;
  const { payload } = verified;
  if ((payload.exp as number) > now / 1000 + IDENTITY_TOKEN_MAX_LIFETIME_SECONDS + IDENTITY_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'lifetime_too_long' };
  }
  const claims = identityClaims.safeParse(payload);
  if (!claims.success) return { ok: false, reason: 'invalid_claims' };
  const { sub, name, email, tier } = claims.data;
  const signed = (value: string | undefined) => (value === undefined ? null : { value, signed: true });
  return { ok: true, identity: { id: sub, tier: tier ?? null, name: signed(name), email: signed(email) } };
}

/**
 * The secrets the token may be checked with. A kid names exactly one; without one, each
 * accepted secret is tried, current first (as for the plain HMAC), so a shop mid-rotation
 * keeps working either way. Anything but HS256 is refused before any key is touched.
 */
function keysFor(jwt: string, keys: IdentityKey[]): IdentityKey[] | IdentityRejection {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch (err) {
    if (err instanceof errors.JOSEError || err instanceof TypeError) return 'malformed';
    throw err;
  }
  if (header.alg !== 'HS256') return 'algorithm_not_allowed';
  const candidates = header.kid === undefined ? keys : keys.filter((k) => k.kid === header.kid);
  return candidates.length ? candidates : 'unknown_key';
}

async function verifyWithAny(
  jwt: string,
  candidates: IdentityKey[],
  now: number,
): Promise<{ ok: true; payload: Record<string, unknown> } | { ok: false; reason: IdentityRejection }> {
  let reason: IdentityRejection = 'bad_signature';
  for (const key of candidates) {
    try {
      const { payload } = await jwtVerify(jwt, encoder.encode(key.secret), {
        algorithms: ['HS256'],
        requiredClaims: ['exp'],
        clockTolerance: IDENTITY_CLOCK_SKEW_SECONDS,
        currentDate: new Date(now),
      });
      return { ok: true, payload };
    } catch (err) {
      reason = jwtRejection(err);
      // Only a signature that does not match says anything about the next key.
      if (reason !== 'bad_signature') break;
    }
  }
  return { ok: false, reason };
}

function jwtRejection(err: unknown): IdentityRejection {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'exp' && err.reason === 'missing') return 'missing_exp';
    if (err.claim === 'nbf' && err.reason === 'check_failed') return 'not_yet_valid';
    return 'invalid_claims';
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return 'algorithm_not_allowed';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (err instanceof errors.JOSEError) return 'malformed';
  throw err;
}
