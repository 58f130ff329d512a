/**
 * The early chunk (early-[hash].js): the unread badge and check, and proactive help. A classic
 * script like the host part, next to the chat's assets (cached as immutable); the loader adds
 * it only when there is something to show before intent (vite.loader.config.ts bakes its name).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  publicDir: false,
  build: {
    outDir: here('./dist/frame/assets'),
    emptyOutDir: false,
    target: 'es2020',
    minify: 'esbuild',
    lib: { entry: here('./src/early/index.ts'), formats: ['iife'], name: 'CounterEarly' },
    rollupOptions: { output: { entryFileNames: 'early-[hash].js' } },
  },
  esbuild: { legalComments: 'none' },
});
