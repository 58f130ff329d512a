/**
 * Fetches a shopper-given image URL on the server, so an agent's browser never contacts an
 * address a shopper chose (which would tell the shopper when, and from which network, an
 * agent looks). Because the server now fetches what a stranger names, every fetch is guarded
 * against SSRF: http(s) only, no credentials in the URL, only public addresses (checked on
 * the address actually connected to, at every redirect), a size cap, one deadline for the
 * whole fetch, and only the raster formats image-type.ts recognises by their bytes.
 *
 * The fetch is started by the shopper's own action (`warm`, when their context names a new
 * image), not by an agent opening the conversation, so the image host learns nothing of when
 * agents look; the agent's request is then answered from the per-node cache (a fetch happens
 * on the agent's request only when the cache lost the image, or on another node). Refusals
 * are cached briefly too, so a shopper cannot make the server hammer a host.
 */
import http from 'node:http';
import https from 'node:https';
import { sniffImageType } from './image-type.js';
import { guardedLookup, isPublicAddress } from './public-address.js';

export interface RemoteImageOptions {
  maxBytes: number;
  /** For the whole fetch: connect, redirects, headers, body. */
  timeoutMs: number;
  maxRedirects: number;
  cacheTtlMs: number;
  /** How long a refusal (unreachable, too large, not an image) is remembered. */
  refusalTtlMs: number;
  /** Fetches `warm` may have running at once; past that it leaves the fetch to the agent's request. */
  maxWarming: number;
  /** Total bytes of images kept; the oldest go first. */
  cacheBytes: number;
  /** Which resolved addresses may be contacted (tests allow loopback). */
  allowAddress: (address: string) => boolean;
}

export const REMOTE_IMAGE_DEFAULTS: RemoteImageOptions = {
  maxBytes: 2 * 1024 * 1024,
  timeoutMs: 5000,
  maxRedirects: 3,
  cacheTtlMs: 30 * 60_000,
  refusalTtlMs: 60_000,
  maxWarming: 8,
  cacheBytes: 16 * 1024 * 1024,
  allowAddress: isPublicAddress,
};

export interface RemoteImage {
  type: string;
  bytes: Buffer;
}

export interface RemoteImages {
  /** The image, or null when it cannot be fetched or is refused (the reason goes to `onRefused`). */
  get(url: string): Promise<RemoteImage | null>;
  /** Fetches into the cache in the background, unless it is there, on its way, or too many are. */
  warm(url: string): void;
}

class Refused extends Error {}

type Hop = { image: RemoteImage } | { redirect: string };

function fetchOnce(url: URL, options: RemoteImageOptions, signal: AbortSignal): Promise<Hop> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Refused(`scheme ${url.protocol}`));
  if (url.username || url.password) return Promise.reject(new Refused('credentials in the URL'));
  // Node connects to a literal IP without calling `lookup`: judge it here.
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (/^[\d.]+$|:/.test(literal) && !options.allowAddress(literal)) return Promise.reject(new Refused(`address ${literal}`));
  const get = url.protocol === 'https:' ? https.get : http.get;
  return new Promise<Hop>((resolve, reject) => {
    const request = get(
      url,
      {
        lookup: guardedLookup(options.allowAddress),
        signal,
        agent: false,
        headers: { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif', 'user-agent': 'Counter image proxy' },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const fail = (reason: string) => {
          response.destroy();
          reject(new Refused(reason));
        };
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ redirect: new URL(response.headers.location, url).href });
        }
        if (status !== 200) return fail(`status ${status}`);
        if (Number(response.headers['content-length'] ?? 0) > options.maxBytes) return fail('too large');
        const declared = response.headers['content-type'];
        if (declared && !declared.toLowerCase().startsWith('image/')) return fail(`content-type ${declared}`);
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) return fail('too large');
          chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const type = sniffImageType(bytes);
          if (!type) return reject(new Refused('not a png, jpeg, gif, webp or avif image'));
          resolve({ image: { type, bytes } });
        });
      },
    );
    request.on('error', reject);
  });
}

async function fetchImage(raw: string, options: RemoteImageOptions): Promise<RemoteImage> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = new URL(raw);
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    const result = await fetchOnce(url, options, signal);
    if ('image' in result) return result.image;
    url = new URL(result.redirect);
  }
  throw new Refused('too many redirects');
}

export function createRemoteImages(
  overrides: Partial<RemoteImageOptions>,
  onRefused: (url: string, err: unknown) => void,
): RemoteImages {
  const options = { ...REMOTE_IMAGE_DEFAULTS, ...overrides };
  const cache = new Map<string, { image: RemoteImage | null; expires: number }>();
  const inFlight = new Map<string, Promise<RemoteImage | null>>();
  let cachedBytes = 0;

  function forget(url: string): void {
    cachedBytes -= cache.get(url)?.image?.bytes.length ?? 0;
    cache.delete(url);
  }

  function remember(url: string, image: RemoteImage | null): void {
    forget(url);
    cache.set(url, { image, expires: Date.now() + (image ? options.cacheTtlMs : options.refusalTtlMs) });
    cachedBytes += image?.bytes.length ?? 0;
    // Map keeps insertion order: the first entries are the oldest.
    for (const [key, entry] of cache) {
      if (cachedBytes <= options.cacheBytes && entry.expires > Date.now()) break;
      forget(key);
    }
  }

  const fresh = (url: string) => {
    const cached = cache.get(url);
    return cached && cached.expires > Date.now() ? cached : undefined;
  };

  function get(url: string): Promise<RemoteImage | null> {
    const cached = fresh(url);
    if (cached) return Promise.resolve(cached.image);
    const pending = inFlight.get(url);
    if (pending) return pending;
    const work = fetchImage(url, options)
      .catch((err: unknown) => {
        onRefused(url, err);
        return null;
      })
      .then((image) => {
        remember(url, image);
        return image;
      })
      .finally(() => inFlight.delete(url));
    inFlight.set(url, work);
    return work;
  }

  return {
    get,
    warm(url) {
      if (fresh(url) || inFlight.has(url) || inFlight.size >= options.maxWarming) return;
      // get() never rejects: a refusal is reported to onRefused and cached.
      void get(url);
    },
  };
}
