/**
 * The composer's part of attachments (issue 12 item 5): the picker button, and the files on
 * their way with their progress, a retry (same upload key and message id: never doubled) and
 * the server's reason when it refused one (too large, not a photo or a PDF).
 */
import type { ConversationId } from '@counter/shared';
import { useApp } from '../../app/app-context.js';
import { attachmentText } from '../../i18n/attachments.js';
import { useStore } from '../../lib/use-store.js';
import type { PendingUpload } from '../../sync/attachment-sender.js';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

export function AttachButton({ conversationId, disabled }: { conversationId: ConversationId; disabled: boolean }) {
  const app = useApp();
  const t = attachmentText();
  return (
    <label class={`btn attach-button${disabled ? ' disabled' : ''}`} title={t.attach}>
      <input
        type="file"
        class="visually-hidden"
        aria-label={t.attach}
        accept={ACCEPT}
        multiple
        disabled={disabled}
        onChange={(e) => {
          app.attachments.add(conversationId, e.currentTarget.files ?? []);
          e.currentTarget.value = '';
        }}
      />
      <span aria-hidden="true">📎</span>
    </label>
  );
}

function reason(upload: PendingUpload, t = attachmentText()): string {
  const name = upload.file.name;
  if (upload.failed === 'payload_too_large') return t.tooLarge(name);
  if (upload.failed === 'attachment_type_refused') return t.wrongType(name);
  if (upload.failed === 'forbidden') return t.notYours;
  return t.failed(name);
}

/** Refusals that a retry cannot change. */
const FINAL = new Set(['payload_too_large', 'attachment_type_refused', 'forbidden', 'not_found', 'validation_failed']);

export function PendingUploads({ conversationId }: { conversationId: ConversationId }) {
  const app = useApp();
  const t = attachmentText();
  const uploads = useStore(app.attachments.pending, (s) => s.uploads);
  const mine = uploads.filter((u) => u.conversationId === conversationId);
  if (!mine.length) return null;
  return (
    <ul class="pending-uploads" aria-live="polite">
      {mine.map((u) => (
        <li key={u.key} class={u.failed ? 'failed' : ''}>
          <span class="pending-name">{u.failed ? reason(u) : t.uploading(u.file.name)}</span>
          {!u.failed && <progress max={1} value={u.progress} />}
          {u.failed && !FINAL.has(u.failed) && (
            <button type="button" class="btn btn-small" onClick={() => app.attachments.retry(u)}>
              {t.retry}
            </button>
          )}
          {u.failed && (
            <button type="button" class="btn btn-small" onClick={() => app.attachments.remove(u.key)}>
              {t.remove}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
