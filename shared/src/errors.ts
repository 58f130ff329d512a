/**
 * The one catalogue of error codes a client can receive, over REST or in an ack.
 * Messages are safe to show; nothing internal (stack, query, driver text) ever leaks.
 */
export const ERRORS = {
  validation_failed: { status: 400, message: 'The request is not valid.' },
  payload_too_large: { status: 413, message: 'The request is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the body as JSON (Content-Type: application/json).' },
  protocol_version_mismatch: { status: 400, message: 'Please reload: the chat was updated.' },
  unauthorized: { status: 401, message: 'Sign in to continue.' },
  invalid_credentials: { status: 401, message: 'Wrong email or password.' },
  session_revoked: { status: 401, message: 'Your session has ended. Sign in again.' },
  identity_rejected: { status: 401, message: 'The shop\'s identity signature was not accepted.' },
  forbidden: { status: 403, message: 'You are not allowed to do that.' },
  origin_not_allowed: { status: 403, message: 'This site may not embed the chat.' },
  not_found: { status: 404, message: 'Not found.' },
  site_not_found: { status: 404, message: 'Unknown site.' },
  conflict: { status: 409, message: 'That conflicts with the current state.' },
  conversation_resolved: { status: 409, message: 'This conversation is resolved.' },
  capacity_reached: { status: 409, message: 'No capacity left for another conversation.' },
  agent_unavailable: { status: 409, message: 'That agent cannot take the conversation.' },
  rate_limited: { status: 429, message: 'Too many requests. Slow down.' },
  too_many_attempts: { status: 429, message: 'Too many failed attempts. Try again later.' },
  too_many_connections: { status: 429, message: 'The chat is open in too many tabs. Close one, then reload this page.' },
  orders_unavailable: { status: 503, message: "The shop's order system is not answering. Try again soon." },
  store_unavailable: { status: 503, message: 'Storage is unavailable. Nothing was saved; retry.' },
  internal: { status: 500, message: 'Something went wrong.' },
  // ---- attachments (issue 12 item 5)
  attachment_type_refused: { status: 415, message: 'Only JPEG, PNG and WebP images and PDF files can be attached.' },
  // After-sales (issue 12).
  action_not_allowed: { status: 403, message: 'Your role may not take this action.' },
  over_limit: { status: 403, message: 'This is above your limit and may not be requested.' },
  action_refused: { status: 409, message: 'The shop refused this action.' },
  key_reused: { status: 409, message: 'That idempotency key belongs to another action.' },
  // ---- offline email (issue 17) ----
  email_unavailable: { status: 503, message: 'This chat does not send email.' },
  email_required: { status: 400, message: 'Give an email address to send it to.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface ErrorIssue {
  /** Dotted path to the offending field, e.g. "cart.items.0.price". */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[];
  /** Seconds until a throttled request may be retried. */
  retryAfter?: number;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERRORS, value);
}
