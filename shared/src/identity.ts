/**
 * Signed customer identity: what the merchant's server signs and why a claim was refused.
 * Plain constants and one pure function, so the widget, the console, the server and the
 * README's snippets all agree on the bytes.
 */

/**
 * The string the plain HMAC signs (version 2): `v2|<tier>|<id>`, tier empty when none.
 * Unambiguous without escaping or lengths: the tier comes from a closed list with no `|`,
 * and the id, which may contain anything, comes last. (Version 1 signed `id` or `id:tier`,
 * so the signature of the id "victim:vip" verified { id: "victim", tier: "vip" }.)
 */
export function identitySigningString(id: string, tier?: string | null): string {
  return `v2|${tier ?? ''}|${id}`;
}

/** Why the server refused an identity claim; shown in the page console and the admin page. */
export const IDENTITY_REJECTIONS = {
  bad_signature: 'The signature does not match: sign "v2|<tier>|<id>" with HMAC-SHA256 and the site\'s current identity secret, as hex.',
  legacy_signature: 'The signature covers the old format (id or id:tier): sign "v2|<tier>|<id>" instead.',
  malformed: 'The signature or token is not in the expected format.',
  algorithm_not_allowed: 'The token must be signed with HS256.',
  unknown_key: 'The token\'s kid names no current identity secret of this site (a rotated secret is kept only for the grace period).',
  expired: 'The token has expired: issue a fresh one with each page.',
  missing_exp: 'The token has no "exp" claim; an expiry is required.',
  lifetime_too_long: 'The token\'s "exp" is too far in the future.',
  not_yet_valid: 'The token is not valid yet (check the server clock).',
  invalid_claims: 'The token\'s claims are not valid: "sub" (the customer id, a string) is required; name, email and tier must be well formed.',
} as const satisfies Record<string, string>;

export type IdentityRejection = keyof typeof IDENTITY_REJECTIONS;

/** A signed identity token lives at most this long ("exp" at most this far ahead). */
export const IDENTITY_TOKEN_MAX_LIFETIME_SECONDS = 24 * 3600;
/** Clock difference tolerated between the shop's server and ours. */
export const IDENTITY_CLOCK_SKEW_SECONDS = 60;
