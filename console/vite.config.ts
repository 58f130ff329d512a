/**
 * Build: served by the chat server at /console/ under a strict CSP (script-src 'self',
 * style-src 'self'), so nothing may be inlined into index.html: no module-preload polyfill,
 * no inlined assets. Test: the 'console' project (jsdom; store tests opt into node).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/console/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the build: served, they would publish the source (the server refuses
    // *.map anyway); the dev server has its own.
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    name: 'console',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    passWithNoTests: true,
  },
});
