/** A site's articles, filtered by words and language in the page (the list is whole, a site's KB is small). */
import type { Article, Locale } from '@counter/shared';
import { LOCALES } from '@counter/shared';
import { useState } from 'preact/hooks';
import { kbAdminText } from '../../i18n/kb-admin.js';
import { ConfirmButton } from '../common/ConfirmButton.js';

const matches = (a: Article, words: string[]) => {
  const text = [a.title, a.body, ...a.tags, ...a.questions].join('\n').toLowerCase();
  return words.every((w) => text.includes(w));
};

export function ArticleList({ articles, onEdit, onDelete }: { articles: Article[]; onEdit: (a: Article) => void; onDelete: (a: Article) => void }) {
  const t = kbAdminText();
  const [query, setQuery] = useState('');
  const [locale, setLocale] = useState<Locale | ''>('');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = articles.filter((a) => (!locale || a.locale === locale) && matches(a, words));
  return (
    <div class="kb-articles">
      <div class="row">
        <input type="search" placeholder={t.search} aria-label={t.search} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        <select aria-label={t.fieldLocale} value={locale} onChange={(e) => setLocale(e.currentTarget.value as Locale | '')}>
          <option value="">{t.anyLocale}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t.locales[l]}
            </option>
          ))}
        </select>
      </div>
      {!articles.length && <p class="muted">{t.none}</p>}
      {articles.length > 0 && !shown.length && <p class="muted">{t.noMatch}</p>}
      <ul class="kb-list" aria-label={t.tabs.articles}>
        {shown.map((a) => (
          <li key={a.id} class="card kb-item">
            <div class="kb-item-text">
              <strong>{a.title}</strong> <span class="tag">{t.locales[a.locale]}</span>
              {a.tags.map((tag) => (
                <span key={tag} class="tag">
                  {tag}
                </span>
              ))}
              {a.questions.length > 0 && <p class="muted small">{a.questions.join(' · ')}</p>}
            </div>
            <div class="row">
              <button type="button" class="btn btn-small" onClick={() => onEdit(a)}>
                {t.edit}
              </button>
              <ConfirmButton class="btn btn-small btn-danger" confirmLabel={t.confirmDelete} onConfirm={() => onDelete(a)}>
                {t.delete}
              </ConfirmButton>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
