#!/usr/bin/env node
/**
 * Budgets on the minified production build (run `pnpm --filter ./widget build` first):
 *   - the loader (widget.js, on every page of the shop):        <= 1.5 KB gzip
 *   - the chat's first render (what frame.html loads: JS + CSS): <= 25 KB gzip
 *   - the host part (added to the shop's page on intent):        <= 2.3 KB gzip
 *     (was 2 KB; issue 17 item 5 put the hostile-page fixes here rather than in the loader:
 *     the CSP-blocked notice in two languages, html zoom, no shadow DOM, reading the old
 *     JSON storage once. It loads on intent, from cache after the first time.)
 * KB = 1000 bytes. Prints gzip (level 9, as the server serves widget.js) and brotli
 * (quality 11) sizes; chunks loaded only on demand are listed, not budgeted. Also checks
 * that frame.html has no inline script or style, which the frame's CSP would block.
 * Exits non-zero when a budget is exceeded or the build is missing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGETS = { loader: 1500, host: 2300, chat: 25_000 };

const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1000).toFixed(2)} KB`;

function measure(files) {
  return files.reduce(
    (sum, file) => {
      const buf = readFileSync(file);
      return { raw: sum.raw + buf.length, gzip: sum.gzip + gzip(buf), brotli: sum.brotli + brotli(buf) };
    },
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

function fail(message) {
  console.error(`size-check: ${message}`);
  process.exitCode = 1;
}

const loaderFile = path.join(dist, 'loader/widget.js');
const frameDir = path.join(dist, 'frame');
const html = existsSync(path.join(frameDir, 'frame.html')) ? readFileSync(path.join(frameDir, 'frame.html'), 'utf8') : null;
if (!existsSync(loaderFile) || !html) {
  fail('no build found: run `pnpm --filter ./widget build` first');
  process.exit(1);
}

// What frame.html makes the browser fetch at once: module scripts, stylesheets, preloads.
const firstRender = [...html.matchAll(/<(?:script|link)\b[^>]*>/g)]
  .map(([tag]) => {
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const fetched = tag.startsWith('<script') || /rel="(?:stylesheet|modulepreload)"/.test(tag);
    return fetched && url?.startsWith('/widget/') ? path.join(frameDir, url.slice('/widget/'.length)) : null;
  })
  .filter(Boolean);

if (/<script\b(?![^>]*\bsrc=)[^>]*>/.test(html)) fail('frame.html has an inline <script> (blocked by the frame CSP)');
if (/<style\b/.test(html)) fail('frame.html has an inline <style> (blocked by the frame CSP)');

const assets = readdirSync(path.join(frameDir, 'assets')).map((f) => path.join(frameDir, 'assets', f));
const hostFiles = assets.filter((f) => /[\\/]host-[\w-]+\.js$/.test(f));
const onDemand = assets.filter((f) => !firstRender.includes(f) && !hostFiles.includes(f) && /\.(js|css)$/.test(f));

const rows = [
  ['loader (widget.js)', measure([loaderFile]), BUDGETS.loader],
  ['host part (on intent)', measure(hostFiles), BUDGETS.host],
  ['chat first render (JS + CSS)', measure(firstRender), BUDGETS.chat],
  ...onDemand.map((f) => [`  on demand: ${path.basename(f)}`, measure([f]), null]),
];

console.log('widget sizes (minified build)');
for (const [name, size, budget] of rows) {
  const verdict = budget === null ? '' : size.gzip <= budget ? `  ok (budget ${kb(budget)} gzip)` : `  OVER BUDGET (${kb(budget)} gzip)`;
  console.log(`  ${name.padEnd(44)} raw ${kb(size.raw).padStart(9)}  gzip ${kb(size.gzip).padStart(9)}  brotli ${kb(size.brotli).padStart(9)}${verdict}`);
  if (budget !== null && size.gzip > budget) fail(`${name.trim()} is ${kb(size.gzip)} gzip, over its ${kb(budget)} budget`);
}
console.log(`  first-render files: ${firstRender.map((f) => path.relative(frameDir, f)).join(', ')}`);
if (hostFiles.length !== 1) fail(`expected one host-*.js, found ${hostFiles.length}`);
