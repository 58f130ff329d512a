/**
 * The host part (host-[hash].js): a classic script the loader adds to the shop's page on the
 * shopper's first intent. It lands next to the chat's assets (served at /widget/assets/,
 * cached as immutable), and vite.loader.config.ts bakes its hashed name into widget.js.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  publicDir: false,
  build: {
    outDir: here('./dist/frame/assets'),
    // The chat's own build (vite.config.ts) ran first and owns this folder.
    emptyOutDir: false,
    target: 'es2020',
    minify: 'esbuild',
    lib: { entry: here('./src/host/index.ts'), formats: ['iife'], name: 'CounterHost' },
    rollupOptions: { output: { entryFileNames: 'host-[hash].js' } },
  },
  esbuild: { legalComments: 'none' },
});
