/** The History page's search box and filters; applied on submit (Enter or the button). */
import type { AgentSummary, ConversationStatus } from '@counter/shared';
import { historyText } from '../../i18n/history.js';
import { SiteSelect } from '../common/SiteSelect.js';

export interface FilterForm {
  q: string;
  status: '' | ConversationStatus;
  siteId: string;
  agentId: string;
  tag: string;
  score: string;
  /** yyyy-mm-dd from <input type=date>, in the browser's time zone. */
  from: string;
  to: string;
}

export const emptyForm: FilterForm = { q: '', status: '', siteId: '', agentId: '', tag: '', score: '', from: '', to: '' };

const STATUSES: ConversationStatus[] = ['waiting', 'assigned', 'resolved'];

export function HistoryFilters(props: {
  form: FilterForm;
  onChange: (form: FilterForm) => void;
  onSubmit: () => void;
  sites: [string, string][];
  agents: AgentSummary[];
}) {
  const { form, onChange, sites, agents } = props;
  const t = historyText();
  const set = (key: keyof FilterForm) => (e: Event) => onChange({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });

  return (
    <form
      class="history-filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <div class="history-search">
        <input type="search" aria-label={t.search} placeholder={t.searchPlaceholder} value={form.q} onInput={set('q')} />
        <button type="submit" class="btn btn-primary">
          {t.searchButton}
        </button>
      </div>
      <div class="history-filter-row">
        <label>
          {t.status}
          <select value={form.status} onChange={set('status')}>
            <option value="">{t.any}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statusName[s]}
              </option>
            ))}
          </select>
        </label>
        <SiteSelect label={t.site} anyLabel={t.any} value={form.siteId} onChange={set('siteId')} sites={sites} />
        <label>
          {t.agent}
          <select value={form.agentId} onChange={set('agentId')}>
            <option value="">{t.any}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.tag}
          <input type="text" value={form.tag} onInput={set('tag')} maxLength={40} />
        </label>
        <label>
          {t.rating}
          <select value={form.score} onChange={set('score')}>
            <option value="">{t.any}</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={String(n)}>
                {t.stars(n)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.from}
          <input type="date" value={form.from} onInput={set('from')} />
        </label>
        <label>
          {t.to}
          <input type="date" value={form.to} onInput={set('to')} />
        </label>
        <button type="button" class="btn btn-quiet" onClick={() => onChange({ ...emptyForm, q: form.q })}>
          {t.clear}
        </button>
      </div>
    </form>
  );
}
