/** The agent session cookie: httpOnly (scripts cannot read it), SameSite=Strict (no CSRF). */
export const SESSION_COOKIE = 'counter_session';

export function sessionCookieOptions(secure: boolean, maxAgeMs: number) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    path: '/',
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}
