import type { ConversationId } from '@counter/shared';
import { useEffect } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { conversationText } from '../../i18n/conversation.js';
import { useStore } from '../../lib/use-store.js';
import { canAct } from '../../lib/thread-access.js';
import { FormError } from '../common/FormError.js';
import { Composer } from './Composer.js';
import { ConversationHeader } from './ConversationHeader.js';
import { MessageList } from './MessageList.js';
import { ShopperReach } from './ShopperReach.js';
import { ThreadNotice } from './ThreadNotice.js';
import { LazyTransferDialog } from './lazy-transfer-dialog.js';
import { TypingIndicator } from './TypingIndicator.js';
import { lazyPart } from '../common/lazy-part.js';

// Agent assist (issue 13) is its own chunk: the inbox's first load does not carry it, and its
// suggestions wait for a request to the server anyway, so nothing shows while it loads.
const LazyKbAssist = lazyPart(() => import('./KbAssist.js').then((m) => m.KbAssist), 'quiet');

export function ConversationView({ id }: { id: ConversationId }) {
  const app = useApp();
  const thread = useStore(app.stores.threads, (s) => s.threads[id]);
  const transferOpen = useStore(app.stores.ui, (s) => s.transferFor === id);
  const t = conversationText();
  const me = useStore(app.stores.session, (s) => s.agent);

  useEffect(() => {
    void app.history.open(id);
  }, [id]);

  if (!thread || (thread.status === 'opening' && !thread.conversation)) {
    return (
      <section class="conversation" aria-busy="true">
        <p class="list-empty">{t.loading}</p>
      </section>
    );
  }
  if (thread.status === 'error' || !thread.conversation) {
    return (
      <section class="conversation">
        <div class="conversation-error">
          <FormError error={thread.error} />
          <button type="button" class="btn" onClick={() => void app.history.open(id)}>
            {t.tryAgain}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section
      class="conversation"
      aria-label={t.conversation}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        // Files dropped anywhere on the conversation are attached (issue 12 item 5).
        e.preventDefault();
        const files = e.dataTransfer?.files;
        if (files?.length && canAct(thread, me)) app.attachments.add(id, files);
      }}
    >
      <ConversationHeader thread={thread} />
      {thread.error && (
        <div class="banner banner-warn">
          <FormError error={thread.error} />
        </div>
      )}
      <MessageList thread={thread} />
      <TypingIndicator active={thread.visitorTyping && thread.conversation.status !== 'resolved'} />
      <ThreadNotice thread={thread} />
      <ShopperReach thread={thread} />
      <LazyKbAssist thread={thread} />
      <Composer thread={thread} />
      {transferOpen && <LazyTransferDialog conversation={thread.conversation} onClose={() => app.stores.ui.getState().openTransfer(null)} />}
    </section>
  );
}
