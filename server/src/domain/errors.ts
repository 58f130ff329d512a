import type { ErrorCode, ErrorIssue } from '@counter/shared';

/** A failure the client should hear about, by catalogue code. Anything else is `internal`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: { issues?: ErrorIssue[]; retryAfter?: number; message?: string } = {},
  ) {
    super(detail.message ?? code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
