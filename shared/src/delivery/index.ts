/**
 * `@counter/shared/delivery`: the outbox, ordered delivery with one set of retry rules,
 * catch-up by sequence and dedupe, for both clients. Plain TypeScript: no zod, no
 * framework, no socket (each client passes its own transport in), so the widget's bundle
 * takes only what it calls.
 */
export * from './outbox.js';
export * from './delivery.js';
export * from './catch-up.js';
