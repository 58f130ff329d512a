/** Which shop a conversation belongs to, shown when the agent works for several. */
import type { SiteId } from '@counter/shared';
import { useApp } from '../../app/app-context.js';
import { commonText } from '../../i18n/common.js';
import { useStore } from '../../lib/use-store.js';
import { siteLabel } from '../../stores/site-names-store.js';

export function SiteTag({ siteId }: { siteId: SiteId }) {
  const app = useApp();
  const name = useStore(app.stores.siteNames, (s) => siteLabel(s, siteId));
  return name ? (
    <span class="site-tag" title={commonText().site(name)}>
      {name}
    </span>
  ) : null;
}
