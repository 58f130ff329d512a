/**
 * Bundles relay-server.ts into one plain ESM file, so the relay runs under plain `node` like
 * the product's dist/main.js (a TypeScript loader would add its own memory and startup).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The server package's esbuild, which also bundles the product.
import { build } from '../../../server/node_modules/esbuild/lib/main.js';

export async function buildRelay(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'relay-server.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./relay-server.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // socket.io's dependencies are CommonJS and require() Node built-ins.
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return outfile;
}
