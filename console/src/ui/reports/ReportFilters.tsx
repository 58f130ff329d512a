/** The Reports page's range (presets or custom days) and site; applied on submit. */
import { reportsText } from '../../i18n/reports.js';
import type { RangeForm, RangePreset } from './report-range.js';
import { SiteSelect } from '../common/SiteSelect.js';

const PRESETS: RangePreset[] = ['today', '7d', '30d', 'custom'];

export function ReportFilters(props: { form: RangeForm; onChange: (form: RangeForm) => void; onSubmit: () => void; sites: [string, string][] }) {
  const { form, onChange, sites } = props;
  const t = reportsText();
  const set = (key: keyof RangeForm) => (e: Event) => onChange({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <form
      class="report-filters"
      aria-label={t.filters}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <fieldset class="report-presets">
        <legend>{t.range}</legend>
        {PRESETS.map((p) => (
          <label key={p} class={`report-preset${form.preset === p ? ' chosen' : ''}`}>
            <input type="radio" name="report-preset" value={p} checked={form.preset === p} onChange={set('preset')} />
            {t.preset[p]}
          </label>
        ))}
      </fieldset>
      {form.preset === 'custom' && (
        <>
          <label>
            {t.from}
            <input type="date" value={form.from} onInput={set('from')} />
          </label>
          <label>
            {t.to}
            <input type="date" value={form.to} onInput={set('to')} />
          </label>
        </>
      )}
      <SiteSelect label={t.site} anyLabel={t.allSites} value={form.siteId} onChange={set('siteId')} sites={sites} />
      <button type="submit" class="btn btn-primary">
        {t.show}
      </button>
    </form>
  );
}
