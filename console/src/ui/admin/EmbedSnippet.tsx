import { embedSnippet, type Site } from '@counter/shared';

export function EmbedSnippet({ site }: { site: Site }) {
  const snippet = embedSnippet({ chatUrl: location.origin, siteId: site.id });
  return (
    <section class="card" aria-label="Install">
      <h3>Install</h3>
      <p class="muted">Paste this before &lt;/body&gt; on every page of the shop.</p>
      <pre class="snippet">{snippet}</pre>
    </section>
  );
}
