import { LIMITS, type CannedReply } from '@counter/shared';
import { useState } from 'preact/hooks';
import { cannedText } from '../../i18n/canned.js';
import type { CannedReplyInput } from '../../api/rest-api.js';
import type { ClientError } from '../../lib/client-error.js';
import { FormError } from '../common/FormError.js';

export function CannedReplyForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: CannedReply;
  submitLabel: string;
  onSubmit: (input: CannedReplyInput) => Promise<ClientError | null>;
  onCancel?: () => void;
}) {
  const [shortcut, setShortcut] = useState(initial?.shortcut ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [text, setText] = useState(initial?.text ?? '');
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const t = cannedText();

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const failure = await onSubmit({ shortcut: shortcut.replace(/^\//, '').trim().toLowerCase(), title: title.trim(), text });
    setBusy(false);
    setError(failure);
    if (!failure && !initial) {
      setShortcut('');
      setTitle('');
      setText('');
    }
  }

  return (
    <form class="canned-form" onSubmit={submit}>
      <div class="form-row">
        <label class="field field-narrow">
          <span>{t.shortcut}</span>
          <input required placeholder="shipping" value={shortcut} onInput={(e) => setShortcut(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.replyTitle}</span>
          <input required maxLength={100} placeholder="Shipping times" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        <span>{t.text}</span>
        <textarea
          required
          rows={3}
          maxLength={LIMITS.messageLength}
          placeholder={t.placeholder}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <FormError error={error} />
      <div class="form-actions">
        {onCancel && (
          <button type="button" class="btn" onClick={onCancel}>
            {t.cancel}
          </button>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
