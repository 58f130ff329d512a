export * from './mongo-wire.js';
export * from './fixtures.js';
export * from './test-server.js';
export * from './wait.js';
export * from './redis-server.js';
export * from './ports.js';
export * from './identity-signing.js';
export * from './merchant.js';
