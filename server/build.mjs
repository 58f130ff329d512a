// Bundles the server into dist/main.js and dist/writer-thread.js (workspace code inlined, npm packages left external).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@counter/'));

await build({
  // The embedded store's writer runs in a worker thread, loaded from dist/writer-thread.js.
  entryPoints: { main: 'src/main.ts', 'writer-thread': 'src/store/embedded/writer-thread.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
