/** Any error -> the catalogue body a client may see. Used by REST and by socket acks. */
import { ERRORS, type ErrorBody, type ErrorIssue } from '@counter/shared';
import type { z } from '@counter/shared/schemas';
import { AppError } from './domain/errors.js';
import { StoreUnavailableError } from './store/errors.js';

export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function validationError(error: z.ZodError): AppError {
  return new AppError('validation_failed', { issues: issuesOf(error) });
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  /** Unexpected: log it with its stack. */
  unexpected: boolean;
}

export function mapError(err: unknown): MappedError {
  if (err instanceof AppError) {
    const entry = ERRORS[err.code];
    const body: ErrorBody = { code: err.code, message: err.detail.message ?? entry.message };
    if (err.detail.issues) body.issues = err.detail.issues;
    if (err.detail.retryAfter !== undefined) body.retryAfter = err.detail.retryAfter;
    return { status: entry.status, body, unexpected: false };
  }
  if (err instanceof StoreUnavailableError) {
    return { status: 503, body: { code: 'store_unavailable', message: ERRORS.store_unavailable.message }, unexpected: false };
  }
  return { status: 500, body: { code: 'internal', message: ERRORS.internal.message }, unexpected: true };
}
