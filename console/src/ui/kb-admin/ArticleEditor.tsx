/**
 * Create or edit one article. The preview is the server's parse of the body (the same parser
 * a save uses) drawn by the same ArticleBody the shopper's widget uses: what you see is what
 * shoppers get.
 */
import type { ArticleBlock } from '@counter/shared';
import { LOCALES } from '@counter/shared';
import { ArticleBody } from '@counter/shared/article-body';
import { useEffect, useState } from 'preact/hooks';
import type { KbAdminApi } from '../../api/kb-admin-api.js';
import { kbAdminText } from '../../i18n/kb-admin.js';
import type { ClientError } from '../../lib/client-error.js';
import { FormError } from '../common/FormError.js';
import { inputOf, type ArticleDraft } from './article-draft.js';

/** Keystrokes settle this long before the preview is asked for. */
const PREVIEW_DELAY_MS = 300;

export function ArticleEditor({ api, initial, onDone }: { api: KbAdminApi; initial: ArticleDraft; onDone: (saved: boolean) => void }) {
  const t = kbAdminText();
  const [draft, setDraft] = useState(initial);
  const [blocks, setBlocks] = useState<ArticleBlock[]>([]);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ArticleDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    if (!draft.body.trim()) return setBlocks([]);
    let live = true;
    const timer = setTimeout(() => {
      void api.preview(draft.body).then((r) => live && r.ok && setBlocks(r.data.blocks));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft.body]);

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    const input = inputOf(draft);
    const result = draft.id ? await api.update(draft.id, input) : await api.create(input);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onDone(true);
  }

  return (
    <form class="card kb-editor" aria-label={t.editorTitle} onSubmit={save}>
      <h2>{t.editorTitle}</h2>
      <div class="kb-editor-grid">
        <div class="kb-editor-fields">
          <label>
            {t.fieldTitle}
            <input value={draft.title} required maxLength={200} onInput={(e) => set({ title: e.currentTarget.value })} />
          </label>
          <label>
            {t.fieldLocale}
            <select value={draft.locale} onChange={(e) => set({ locale: e.currentTarget.value as ArticleDraft['locale'] })}>
              {LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t.locales[l]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.fieldBody}
            <textarea rows={8} value={draft.body} required onInput={(e) => set({ body: e.currentTarget.value })} />
          </label>
          <label>
            {t.fieldTags}
            <input value={draft.tags} onInput={(e) => set({ tags: e.currentTarget.value })} />
          </label>
          <label>
            {t.fieldQuestions}
            <textarea rows={3} value={draft.questions} onInput={(e) => set({ questions: e.currentTarget.value })} />
          </label>
        </div>
        <section class="kb-preview" aria-label={t.preview}>
          <h3>{t.preview}</h3>
          {draft.title && <h4>{draft.title}</h4>}
          {blocks.length ? <ArticleBody blocks={blocks} /> : <p class="muted">{t.previewEmpty}</p>}
        </section>
      </div>
      <FormError error={error} />
      <div class="row">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t.save}
        </button>
        <button type="button" class="btn" onClick={() => onDone(false)}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
