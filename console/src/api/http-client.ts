/**
 * JSON over fetch, same origin; the session is the httpOnly cookie the browser sends.
 * Every failure becomes a ClientError (never a thrown Response or TypeError).
 */
import { clientError, fromErrorBody, type ClientError } from '../lib/client-error.js';

export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError; status: number };

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpClient {
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Result<T>>;
}

/** Routes whose 401 is an answer for the caller (wrong password, not signed in yet), not news. */
const OWN_AUTH_ANSWERS = new Set(['/api/v1/auth/session', '/api/v1/auth/login', '/api/v1/auth/password', '/api/v1/auth/logout']);

export function createHttpClient(fetchImpl: Fetch, onUnauthorized: () => void = () => {}): HttpClient {
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<Result<T>> {
      let response: Response;
      try {
        response = await fetchImpl(path, {
          method,
          credentials: 'same-origin',
          headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch {
        return { ok: false, error: clientError('network'), status: 0 };
      }
      const parsed: unknown = response.status === 204 ? null : await response.json().catch(() => null);
      if (response.ok) return { ok: true, data: parsed as T };
      const error = fromErrorBody((parsed as { error?: never } | null)?.error, response.status);
      // A session that ended elsewhere (logout, password change, deactivation) ends here too.
      if (response.status === 401 && !OWN_AUTH_ANSWERS.has(path)) onUnauthorized();
      return { ok: false, error, status: response.status };
    },
  };
}
