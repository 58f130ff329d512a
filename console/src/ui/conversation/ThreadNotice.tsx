/** Why the composer is limited here, and the one action that fixes it. */
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { describeError } from '../../lib/client-error.js';
import { conversationText } from '../../i18n/conversation.js';
import { supervises } from '../../lib/roles.js';
import { useStore } from '../../lib/use-store.js';
import type { Thread } from '../../stores/threads-store.js';
import { RowError } from '../common/RowError.js';

export function ThreadNotice({ thread }: { thread: Thread }) {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent);
  const [error, setError] = useState<string | null>(null);
  const c = thread.conversation!;
  const t = conversationText();

  const act = async (action: () => Promise<unknown>) => {
    const failure = (await action()) as Parameters<typeof describeError>[0] | null;
    setError(failure ? describeError(failure) : null);
  };

  let text: string | null = null;
  let button: { label: string; run: () => Promise<unknown> } | null = null;
  if (c.status === 'waiting') {
    text = t.waitingInQueue;
    button = { label: t.takeThis, run: () => app.conversations.take(c.id) };
  } else if (c.status === 'resolved') {
    text = c.rating ? t.resolvedRated(c.rating.score) : t.resolvedPlain;
    button = { label: t.reopen, run: () => app.conversations.reopen(c.id) };
  } else if (thread.removed) {
    text = t.removed[thread.removed] ?? null;
  } else if (c.agentId !== me?.id) {
    text = t.heldBy(c.agentName, supervises(me));
  }
  if (!text) return null;
  return (
    <div class="thread-notice">
      <span>{text}</span>
      {button && (
        <button type="button" class="btn btn-small btn-primary" onClick={() => void act(button.run)}>
          {button.label}
        </button>
      )}
      <RowError error={error} />
    </div>
  );
}
