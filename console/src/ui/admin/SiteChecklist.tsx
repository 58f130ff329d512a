import type { Site, SiteId } from '@counter/shared';
import { sitesText } from '../../i18n/sites.js';

/** Which sites a staff member works for: one checkbox per site the signed-in admin runs. */
export function SiteChecklist({
  label,
  sites,
  value,
  onChange,
  disabled = false,
}: {
  label: string;
  sites: Site[];
  value: readonly SiteId[];
  onChange: (next: SiteId[]) => void;
  disabled?: boolean;
}) {
  if (!sites.length) return <span class="muted small">{sitesText().noSitesShort}</span>;
  return (
    <fieldset class="site-checklist" aria-label={label} disabled={disabled}>
      {sites.map((site) => (
        <label key={site.id} class="check">
          <input
            type="checkbox"
            checked={value.includes(site.id)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, site.id] : value.filter((id) => id !== site.id))}
          />{' '}
          {site.name}
        </label>
      ))}
    </fieldset>
  );
}
