export * as common from './common.js';
export * from './visitor.js';
export * from './agent.js';
export * from './rest.js';
export * from './responses.js';
export { COMBINING_MARKS_PER_BASE } from './safe-text.js';
export * as orders from './orders.js';
// After-sales actions (issue 12).
export * as afterSales from './after-sales.js';
export { z } from 'zod';
// Knowledge base (issue 13).
export * from './kb.js';
export * from './attachments.js';

// ---- history and search (issue 16) ----
export * from './history.js';

// ---- issue 17: the merchant's look and proactive help ----
export * as look from './look.js';

// ---- the shopper's returns (issue 12 item 4) ----
export * as returns from './returns.js';
// ---- routing: teams, skills, languages, topics, rules (issue 14) ----
export * from './routing.js';
// ---- supervisor live view and peak warning (issue 15 items 4-5) ----
export * from './supervisor.js';
// ---- response targets (issue 14, item 4) ----
export * as targets from './targets.js';
// ---- NPS after the rating (issue 15 leftovers) ----
export { npsAnswer, npsVisitorSchemas } from './nps.js';
