/**
 * Errors as the console handles them: the server's catalogue bodies, plus what can only
 * happen on this side of the wire (no connection, no answer in time).
 */
import { ERRORS, isErrorCode, type ErrorBody, type ErrorCode, type ErrorIssue } from '@counter/shared';

export type ClientErrorCode = ErrorCode | 'disconnected' | 'timeout' | 'network';

export interface ClientError {
  code: ClientErrorCode;
  message: string;
  issues?: ErrorIssue[];
  retryAfter?: number;
}

const LOCAL_MESSAGES: Record<Exclude<ClientErrorCode, ErrorCode>, string> = {
  disconnected: 'Not connected. It will be retried when the connection is back.',
  timeout: 'The server did not answer in time.',
  network: 'Cannot reach the server. Check the connection.',
};

export function clientError(code: ClientErrorCode, message?: string): ClientError {
  const fallback = isErrorCode(code) ? ERRORS[code].message : LOCAL_MESSAGES[code as keyof typeof LOCAL_MESSAGES];
  return { code, message: message ?? fallback };
}

/** A server error body as received (trusting only known codes). */
export function fromErrorBody(body: Partial<ErrorBody> | undefined, status?: number): ClientError {
  if (body && isErrorCode(body.code)) {
    const error: ClientError = { code: body.code, message: typeof body.message === 'string' ? body.message : ERRORS[body.code].message };
    if (Array.isArray(body.issues)) error.issues = body.issues;
    if (typeof body.retryAfter === 'number') error.retryAfter = body.retryAfter;
    return error;
  }
  return clientError(status && status >= 500 ? 'internal' : 'network');
}

/** One line for a person: the message, and what was wrong with which field. */
export function describeError(error: ClientError): string {
  const parts = [error.message];
  if (error.issues?.length) parts.push(error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
  if (error.retryAfter) parts.push(`Try again in ${Math.ceil(error.retryAfter / 60)} min.`);
  return parts.join(' ');
}

