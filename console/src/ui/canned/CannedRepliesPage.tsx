import type { CannedReply } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { cannedText } from '../../i18n/canned.js';
import { DEFAULT_FALLBACKS } from '../../lib/canned-template.js';
import { describeError } from '../../lib/client-error.js';
import { useStore } from '../../lib/use-store.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { FormError } from '../common/FormError.js';
import { CannedReplyForm } from './CannedReplyForm.js';

export function CannedRepliesPage() {
  const app = useApp();
  const { replies, loaded, error } = useStore(app.stores.canned, (s) => s, (a, b) => a.replies === b.replies && a.loaded === b.loaded && a.error === b.error);
  const [editing, setEditing] = useState<CannedReply['id'] | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  const t = cannedText();

  useEffect(() => {
    void app.stores.canned.getState().load();
  }, []);

  return (
    <section class="page">
      <header class="page-head">
        <h1>{t.title}</h1>
        <p class="muted">
          {t.introBefore}
          <kbd>/</kbd>
          {t.introMiddle}
          {Object.keys(DEFAULT_FALLBACKS).map((k) => (
            <code key={k}>{`{{${k}}}`} </code>
          ))}
          {t.introAfter}
          <code>{'{{visitor.name|friend}}'}</code>.
        </p>
      </header>

      <div class="card">
        <h2>{t.newReply}</h2>
        <CannedReplyForm submitLabel={t.addReply} onSubmit={(input) => app.stores.canned.getState().create(input)} />
      </div>

      <FormError error={error} />
      <FormError error={rowError} />
      {loaded && !replies.length && <p class="muted">{t.none}</p>}
      <ul class="canned-list" aria-label={t.title}>
        {replies.map((r) => (
          <li key={r.id} class="card canned-item" data-shortcut={r.shortcut}>
            {editing === r.id ? (
              <CannedReplyForm
                initial={r}
                submitLabel={t.save}
                onCancel={() => setEditing(null)}
                onSubmit={async (input) => {
                  const failure = await app.stores.canned.getState().update(r.id, input);
                  if (!failure) setEditing(null);
                  return failure;
                }}
              />
            ) : (
              <>
                <div class="canned-item-head">
                  <code class="canned-short">/{r.shortcut}</code>
                  <strong>{r.title}</strong>
                  <span class="spacer" />
                  <button type="button" class="btn btn-small" onClick={() => setEditing(r.id)}>
                    {t.edit}
                  </button>
                  <ConfirmButton
                    class="btn btn-small btn-danger"
                    confirmLabel={t.deleteConfirm}
                    onConfirm={() =>
                      void app.stores.canned
                        .getState()
                        .remove(r.id)
                        .then((e) => setRowError(e ? describeError(e) : null))
                    }
                  >
                    {t.delete}
                  </ConfirmButton>
                </div>
                <p class="canned-body">{r.text}</p>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
