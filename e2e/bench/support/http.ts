/** JSON over HTTP for setup calls (sign-in, sessions, admin). */
export async function postJson<T>(url: string, body: unknown, cookie?: string): Promise<{ body: T; headers: Headers }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${text}`);
  return { body: JSON.parse(text) as T, headers: res.headers };
}

/** The session cookie from a sign-in answer, as a Cookie header value. */
export function sessionCookie(headers: Headers): string {
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('counter_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return cookie;
}
