import { LIMITS, type CannedReply } from '@counter/shared';
import { useState } from 'preact/hooks';
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
          <span>Shortcut</span>
          <input required placeholder="shipping" value={shortcut} onInput={(e) => setShortcut(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Title</span>
          <input required maxLength={100} placeholder="Shipping times" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        <span>Text</span>
        <textarea
          required
          rows={3}
          maxLength={LIMITS.messageLength}
          placeholder="Hi {{visitor.name}}, orders ship within 24 hours…"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </label>
      <FormError error={error} />
      <div class="form-actions">
        {onCancel && (
          <button type="button" class="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
