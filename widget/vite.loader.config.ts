/**
 * The loader (widget.js): one classic script, an IIFE with no imports at run time, so it
 * runs from a plain `<script async>` tag on any page. Budget: 1.5 KB gzip (scripts/size-check.mjs).
 * Built last: it needs the host part's hashed file name (vite.host.config.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

function hostFile(): string {
  const found = readdirSync(here('./dist/frame/assets')).filter((f) => /^host-[\w-]+\.js$/.test(f));
  if (found.length !== 1) throw new Error(`expected one dist/frame/assets/host-*.js, found ${found.length}: build the host part first`);
  return `/widget/assets/${found[0]}`;
}

export default defineConfig({
  publicDir: false,
  define: { __HOST_FILE__: JSON.stringify(hostFile()) },
  build: {
    outDir: here('./dist/loader'),
    emptyOutDir: true,
    // Shadow DOM and constructable stylesheets set the floor anyway (Safari 16.4, Chrome 73).
    target: 'es2020',
    minify: 'esbuild',
    lib: { entry: here('./src/loader/index.ts'), formats: ['iife'], name: 'CounterLoader', fileName: () => 'widget.js' },
    // No "use strict" prologue: the code is written strict-clean, and every byte counts.
    rollupOptions: { output: { strict: false } },
  },
  esbuild: { legalComments: 'none' },
});
