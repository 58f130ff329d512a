import type { Locale } from './domain.js';

export interface EmbedOptions {
  /** The chat server's origin, e.g. https://chat.example.com. */
  chatUrl: string;
  siteId: string;
  /** Fixes the widget's language; otherwise the browser's. */
  locale?: Locale;
  /** A CSP nonce for the snippet's scripts. */
  nonce?: string;
  /** JavaScript run right after the queue stub, e.g. `Counter('identify', {...});`. */
  calls?: string;
  /** More `data-*` attributes on the loader's tag (they win over the site's look): `{ side: 'left' }`. */
  data?: Record<string, string>;
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The markup a merchant pastes before </body> on every page: a stub that queues Counter(...)
 * calls made before the loader arrives, then the loader itself, async. One definition for the
 * console's install card, the demo storefront and the browser tests. `?site=` in the URL makes
 * the server bake the site's look and proactive rules into the loader (no extra request).
 */
export function embedSnippet({ chatUrl, siteId, locale, nonce, calls, data = {} }: EmbedOptions): string {
  const n = nonce ? ` nonce="${attr(nonce)}"` : '';
  const more = Object.entries(data)
    .map(([k, v]) => ` data-${k.replace(/[^a-z0-9-]/g, '')}="${attr(v)}"`)
    .join('');
  return [
    `<script${n}>window.Counter=window.Counter||function(){(Counter.q=Counter.q||[]).push(arguments)};</script>`,
    ...(calls ? [`<script${n}>${calls}</script>`] : []),
    `<script${n} async src="${attr(chatUrl)}/widget.js?site=${attr(encodeURIComponent(siteId))}" data-site="${attr(siteId)}"${locale ? ` data-locale="${locale}"` : ''}${more}></script>`,
  ].join('\n');
}
