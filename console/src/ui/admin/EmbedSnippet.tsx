import { embedSnippet, type Site } from '@counter/shared';
import { sitesText } from '../../i18n/sites.js';

export function EmbedSnippet({ site }: { site: Site }) {
  const t = sitesText();
  const snippet = embedSnippet({ chatUrl: location.origin, siteId: site.id });
  return (
    <section class="card" aria-label={t.install}>
      <h3>{t.install}</h3>
      <p class="muted">{t.installIntro}</p>
      <pre class="snippet">{snippet}</pre>
    </section>
  );
}
