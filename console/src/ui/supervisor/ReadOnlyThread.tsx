/**
 * A conversation as the supervisor sees it from the live view: the transcript with notes and
 * whispers, following new messages, and no composer (they whisper, take over or move it instead).
 */
import type { ConversationId, Message } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { supervisorText } from '../../i18n/supervisor.js';

export function ReadOnlyThread({ conversationId, onClose }: { conversationId: ConversationId; onClose: () => void }) {
  const app = useApp();
  const t = supervisorText();
  const [messages, setMessages] = useState<Message[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const transport = app.live();
    if (!transport) return;
    let live = true;
    const add = (m: Message) => setMessages((list) => (list.some((x) => x.id === m.id) ? list : [...list, m].sort((a, b) => a.seq - b.seq)));
    // Subscribe first, then read the backlog: nothing falls between the two.
    const off = transport.on('message:created', (e) => live && e.message.conversationId === conversationId && add(e.message));
    void (async () => {
      const opened = await transport.command('conversation:open', { conversationId });
      if (!opened.ok) return live && setError(opened.error.message);
      const page = await transport.command('message:history', { conversationId, limit: 100 });
      if (live && page.ok) page.data.messages.forEach(add);
    })();
    return () => {
      live = false;
      off();
    };
  }, [conversationId]);

  return (
    <aside class="sv-thread card" aria-label={t.open}>
      <p class="form-actions">
        <span class="muted small">{t.readOnly}</span>
        <button type="button" class="btn btn-small" onClick={onClose}>
          {t.close}
        </button>
      </p>
      {error && <p class="error" role="alert">{error}</p>}
      <ol class="sv-messages">
        {messages
          .filter((m) => m.kind !== 'event')
          .map((m) => (
            <li key={m.id} class={m.kind === 'note' ? (m.whisperTo ? 'msg-note whisper' : 'msg-note') : m.author === 'visitor' ? 'msg-in' : 'msg-out'}>
              <span class="muted small">
                {m.kind === 'note' ? (m.whisperTo ? t.whisperTo(m.authorName ?? '') : t.note) : ''} {m.authorName ?? t.shopper}:
              </span>{' '}
              {m.text}
            </li>
          ))}
      </ol>
    </aside>
  );
}
