/**
 * The one test configuration: `vitest run` at the root runs every package's tests.
 * widget/ and console/ keep their own vite.config.ts (build + jsdom test settings).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './e2e/setup/mongodb-reporter.ts'],
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['test/**/*.test.ts'],
          exclude: ['test/fault/**', '**/node_modules/**'],
          // Real servers, real sockets, real databases: give them room, never sleep.
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          // Issue 9's fault suite: real server processes killed, torn, starved of disk.
          // One file at a time: each one loads the 2 cores on its own.
          name: 'fault',
          root: './server',
          include: ['test/fault/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
      './widget/vite.config.ts',
      './console/vite.config.ts',
      {
        test: {
          name: 'e2e',
          root: './e2e',
          include: ['tests/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // One browser at a time on a 2-core machine keeps timings honest.
          fileParallelism: false,
        },
      },
    ],
  },
});
