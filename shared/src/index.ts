/**
 * The wire contract shared by server, widget and console. Runtime exports here are plain
 * constants (no validator); the zod schemas live in `@counter/shared/schemas`.
 */
export * from './ids.js';
export * from './errors.js';
export * from './limits.js';
export * from './domain.js';
export * from './embed.js';
export * from './identity.js';
export type * from './orders.js';
// After-sales actions (issue 12).
export type * from './after-sales.js';
export type * from './ack.js';
export type * from './events.js';
export type * from './schemas/index.js';

// ---- history and search (issue 16) ----
export type * from './history.js';
export * from './emoji.js';

// ---- issue 17: the merchant's look and proactive help ----
export * from './look/look.js';
export * from './look/colour.js';
export * from './install-snippets.js';
// Knowledge base (issue 13).
export type * from './kb.js';
export * from './reports.js';

// ---- the shopper's returns (issue 12 item 4) ----
export type * from './returns.js';
// ---- routing: teams, skills, languages, topics, rules (issue 14) ----
export type * from './routing.js';
// ---- supervisor live view and peak warning (issue 15 items 4-5) ----
export type * from './supervisor.js';
// ---- response targets (issue 14, item 4) ----
export * from './targets.js';
