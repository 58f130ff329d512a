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
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The markup a merchant pastes before </body> on every page: a stub that queues Counter(...)
 * calls made before the loader arrives, then the loader itself, async. One definition for the
 * console's install card, the demo storefront and the browser tests.
 */
export function embedSnippet({ chatUrl, siteId, locale, nonce, calls }: EmbedOptions): string {
  const n = nonce ? ` nonce="${attr(nonce)}"` : '';
  return [
    `<script${n}>window.Counter=window.Counter||function(){(Counter.q=Counter.q||[]).push(arguments)};</script>`,
    ...(calls ? [`<script${n}>${calls}</script>`] : []),
    `<script${n} async src="${attr(chatUrl)}/widget.js" data-site="${attr(siteId)}"${locale ? ` data-locale="${locale}"` : ''}></script>`,
  ].join('\n');
}
