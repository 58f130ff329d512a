/**
 * The loader (widget.js): one classic script, an IIFE with no imports at run time, so it
 * runs from a plain `<script async>` tag on any page. Budget: 1.5 KB gzip (scripts/size-check.mjs).
 * Built last: it needs the host part's hashed file name (vite.host.config.ts).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

function assetFile(part: 'host' | 'early'): string {
  const found = readdirSync(here('./dist/frame/assets')).filter((f) => new RegExp(`^${part}-[\\w-]+\\.js$`).test(f));
  if (found.length !== 1) throw new Error(`expected one dist/frame/assets/${part}-*.js, found ${found.length}: build the ${part} part first`);
  return `/widget/assets/${found[0]}`;
}

export default defineConfig({
  publicDir: false,
  define: {
    __HOST_FILE__: JSON.stringify(assetFile('host')),
    __EARLY_FILE__: JSON.stringify(assetFile('early')),
    // The default look. `$look:1` opens it so the server can find it in the minified file and
    // put a site's look in its place (server/src/http/baked-loader.ts); keep the object flat.
    __LOOK__: JSON.stringify({ $look: 1, color: '#1d4ed8', side: 'right', x: 20, y: 20 }),
  },
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
