import type { Site } from '@counter/shared';

export function EmbedSnippet({ site }: { site: Site }) {
  // The first line queues Counter(...) calls (setContext, identify) made before the loader arrives.
  const snippet = [
    '<script>window.Counter=window.Counter||function(){(Counter.q=Counter.q||[]).push(arguments)};</script>',
    `<script async src="${location.origin}/widget.js" data-site="${site.id}"></script>`,
  ].join('\n');
  return (
    <section class="card" aria-label="Install">
      <h3>Install</h3>
      <p class="muted">Paste this before &lt;/body&gt; on every page of the shop.</p>
      <pre class="snippet">{snippet}</pre>
    </section>
  );
}
