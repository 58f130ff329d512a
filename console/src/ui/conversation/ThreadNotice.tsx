/** Why the composer is limited here, and the one action that fixes it. */
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { describeError } from '../../lib/client-error.js';
import { supervises } from '../../lib/roles.js';
import { useStore } from '../../lib/use-store.js';
import type { Thread } from '../../stores/threads-store.js';
import { RowError } from '../common/RowError.js';

const REMOVED: Record<string, string> = {
  transferred: 'This conversation was transferred. You can still read it and add notes.',
  reassigned: 'This conversation was reassigned because it went unanswered or you were away.',
  resolved: 'This conversation was resolved.',
  access: 'Another agent has this conversation now; it is no longer shown to you live.',
};

export function ThreadNotice({ thread }: { thread: Thread }) {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent);
  const [error, setError] = useState<string | null>(null);
  const c = thread.conversation!;

  const act = async (action: () => Promise<unknown>) => {
    const failure = (await action()) as Parameters<typeof describeError>[0] | null;
    setError(failure ? describeError(failure) : null);
  };

  let text: string | null = null;
  let button: { label: string; run: () => Promise<unknown> } | null = null;
  if (c.status === 'waiting') {
    text = 'Waiting in the queue.';
    button = { label: 'Take this conversation', run: () => app.conversations.take(c.id) };
  } else if (c.status === 'resolved') {
    text = c.rating ? `Resolved · rated ${c.rating.score}/5.` : 'Resolved.';
    button = { label: 'Reopen', run: () => app.conversations.reopen(c.id) };
  } else if (thread.removed) {
    text = REMOVED[thread.removed] ?? null;
  } else if (c.agentId !== me?.id) {
    text = `${c.agentName ?? 'Another agent'} has this conversation.${supervises(me) ? ' As a supervisor you can still reply.' : ' You can add internal notes.'}`;
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
