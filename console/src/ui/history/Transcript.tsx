/**
 * A conversation read from History: read-only (no composer, no status change), with a way
 * into the normal view when it is the agent's own open conversation.
 */
import type { Conversation, Message } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { historyText } from '../../i18n/history.js';
import { useStore } from '../../lib/use-store.js';
import { routeHref } from '../../stores/route-store.js';
import { MessageItem } from '../conversation/MessageItem.js';

type Loaded = { state: 'loading' } | { state: 'failed' } | { state: 'done'; messages: Message[]; hasMore: boolean };

/** Only what it reads of the conversation, so the Reports drill-down (issue 15) can open a row too. */
export type TranscriptTarget = Pick<Conversation, 'id' | 'agentId' | 'status'>;

export function Transcript({ conversation, onClose }: { conversation: TranscriptTarget; onClose: () => void }) {
  const app = useApp();
  const t = historyText();
  const me = useStore(app.stores.session, (s) => s.agent?.id);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    void app.historyPage.transcript(conversation.id).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { state: 'done', ...result.data } : { state: 'failed' });
    });
    return () => {
      live = false;
    };
  }, [conversation.id]);

  const mine = conversation.agentId === me && conversation.status === 'assigned';
  return (
    <section class="history-transcript" aria-label={t.readOnly}>
      <header class="history-transcript-head">
        <h2>{t.readOnly}</h2>
        {mine && (
          <a class="btn btn-small" href={routeHref({ name: 'conversation', id: conversation.id })}>
            {t.openInInbox}
          </a>
        )}
        <button type="button" class="btn btn-small" onClick={onClose}>
          {t.close}
        </button>
      </header>
      {loaded.state === 'loading' && <p class="muted">{t.loading}</p>}
      {loaded.state === 'failed' && <p role="alert">{t.transcriptFailed}</p>}
      {loaded.state === 'done' && (
        <div class="history-messages">
          {loaded.hasMore && <p class="muted small">{t.earlierOmitted}</p>}
          {loaded.messages.length === 0 && <p class="muted">{t.noMessages}</p>}
          {loaded.messages.map((m, i) => (
            <MessageItem key={m.id} message={m} mine={m.agentId === me} seen={false} last={i === loaded.messages.length - 1} />
          ))}
        </div>
      )}
    </section>
  );
}
