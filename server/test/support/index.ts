export * from './mongo-wire.js';
export * from './fixtures.js';
