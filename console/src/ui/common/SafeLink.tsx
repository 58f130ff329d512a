import type { ComponentChildren } from 'preact';
import { safeHref } from '../../lib/linkify.js';

/** A link to a URL a shopper's page reported: clickable only when http(s), else plain text. */
export function SafeLink({ href, children, class: className }: { href: string | null | undefined; children: ComponentChildren; class?: string }) {
  const safe = safeHref(href);
  if (!safe) return <span class={className}>{children}</span>;
  return (
    <a class={className} href={safe} target="_blank" rel="noopener noreferrer nofollow" title={safe}>
      {children}
    </a>
  );
}
