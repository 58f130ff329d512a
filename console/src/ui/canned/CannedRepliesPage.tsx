import type { CannedReply } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
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

  useEffect(() => {
    void app.stores.canned.getState().load();
  }, []);

  return (
    <section class="page">
      <header class="page-head">
        <h1>Canned replies</h1>
        <p class="muted">
          Shared by the whole team. Type <kbd>/</kbd> and the shortcut in the composer to insert one. Variables:{' '}
          {Object.keys(DEFAULT_FALLBACKS).map((k) => (
            <code key={k}>{`{{${k}}}`} </code>
          ))}
          — unknown values fall back to a neutral word (“there”), or to your own: <code>{'{{visitor.name|friend}}'}</code>.
        </p>
      </header>

      <div class="card">
        <h2>New reply</h2>
        <CannedReplyForm submitLabel="Add reply" onSubmit={(input) => app.stores.canned.getState().create(input)} />
      </div>

      <FormError error={error} />
      <FormError error={rowError} />
      {loaded && !replies.length && <p class="muted">No canned replies yet.</p>}
      <ul class="canned-list" aria-label="Canned replies">
        {replies.map((r) => (
          <li key={r.id} class="card canned-item" data-shortcut={r.shortcut}>
            {editing === r.id ? (
              <CannedReplyForm
                initial={r}
                submitLabel="Save"
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
                    Edit
                  </button>
                  <ConfirmButton
                    class="btn btn-small btn-danger"
                    confirmLabel="Delete?"
                    onConfirm={() =>
                      void app.stores.canned
                        .getState()
                        .remove(r.id)
                        .then((e) => setRowError(e ? describeError(e) : null))
                    }
                  >
                    Delete
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
