// `@counter/server/testing`: also imported by the bench (e2e/bench), which runs outside vitest,
// so nothing exported here may import vitest (both-stores.ts does: import it directly).
export * from './mongo-wire.js';
export * from './fixtures.js';
export * from './test-server.js';
export * from './wait.js';
export * from './redis-server.js';
export * from './ports.js';
export * from './identity-signing.js';
export * from './merchant.js';
export * from './attachments.js';
export * from './smtp-sink.js';
