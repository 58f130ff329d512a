/**
 * Errors as the console handles them: the server's catalogue bodies, plus what can only
 * happen on this side of the wire (no connection, no answer in time).
 */
import { ERRORS, isErrorCode, type ErrorBody, type ErrorCode, type ErrorIssue } from '@counter/shared';
import { commonText } from '../i18n/common.js';

export type ClientErrorCode = ErrorCode | 'disconnected' | 'timeout' | 'network';

export interface ClientError {
  code: ClientErrorCode;
  message: string;
  issues?: ErrorIssue[];
  retryAfter?: number;
}

export function clientError(code: ClientErrorCode, message?: string): ClientError {
  const fallback = isErrorCode(code) ? ERRORS[code].message : commonText("en").local[code as Exclude<ClientErrorCode, ErrorCode>];
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
  const parts = [inWords(error)];
  if (error.issues?.length) parts.push(error.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
  if (error.retryAfter) parts.push(commonText().tryAgainIn(Math.ceil(error.retryAfter / 60)));
  return parts.join(' ');
}


/**
 * The message in the console's language. Errors keep the catalogue's English message (tests
 * and logs read it); a translation replaces it only where the message is the code's generic
 * one: a specific message from the server says more than a generic translation would.
 */
function inWords(error: ClientError): string {
  const t = commonText();
  const generic = isErrorCode(error.code) ? ERRORS[error.code].message : commonText('en').local[error.code as Exclude<ClientErrorCode, ErrorCode>];
  if (error.message !== generic) return error.message;
  return (isErrorCode(error.code) ? t.errors[error.code] : t.local[error.code as Exclude<ClientErrorCode, ErrorCode>]) ?? error.message;
}
