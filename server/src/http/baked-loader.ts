/**
 * `widget.js?site=ID`: the loader with the site's look and proactive rules baked in, so the
 * launcher is drawn themed on the first paint and the rules reach the page with the one
 * script it loads anyway: no request before intent. The build's default look is an object
 * literal opening with `$look:1` (widget/vite.loader.config.ts); the site's replaces it.
 * Plain `widget.js` (older snippets) keeps the default look.
 */
import type { SiteId } from '@counter/shared';
import type { LoaderLook } from '../domain/site-look.js';
import { compress, type CompressedFile } from './compressed-file.js';

const MARKER = /\{\$look:1,[^}]*\}/;
/** Sites served since the last reset: enough for any one server; cleared, not grown, beyond it. */
const MAX_CACHED = 500;

export function hasLookMarker(loader: Buffer): boolean {
  return MARKER.test(loader.toString('utf8'));
}

/**
 * Bakes each site's look into the loader once per change of its settings: a request costs a
 * store read and a string compare; compression happens only when the look changed.
 */
export function bakedLoaders(loader: Buffer) {
  const text = loader.toString('utf8');
  const cache = new Map<SiteId, { json: string; file: CompressedFile }>();
  return (site: SiteId, look: LoaderLook): CompressedFile => {
    // JSON is a JavaScript expression; `<` escaped all the same, in case a label says </script>.
    const json = JSON.stringify(look).replace(/</g, '\\u003c');
    const hit = cache.get(site);
    if (hit?.json === json) return hit.file;
    if (cache.size >= MAX_CACHED) cache.clear();
    const file = compress(Buffer.from(text.replace(MARKER, () => json)));
    cache.set(site, { json, file });
    return file;
  };
}
