/**
 * A classic script (IIFE) that lands next to the chat's assets (served at /widget/assets/,
 * cached as immutable) under a hashed name that vite.loader.config.ts bakes into widget.js.
 * The host part and the early chunk are both built this way.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export function classicScript(entry: string, name: string, fileName: string): UserConfig {
  return defineConfig({
    publicDir: false,
    build: {
      outDir: here('./dist/frame/assets'),
      // The chat's own build (vite.config.ts) ran first and owns this folder.
      emptyOutDir: false,
      target: 'es2020',
      minify: 'esbuild',
      lib: { entry: here(entry), formats: ['iife'], name },
      rollupOptions: { output: { entryFileNames: `${fileName}-[hash].js` } },
    },
    esbuild: { legalComments: 'none' },
  });
}
