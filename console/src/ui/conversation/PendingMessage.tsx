import { useApp } from '../../app/app-context.js';
import { conversationText } from '../../i18n/conversation.js';
import type { Outgoing } from '../../stores/outbox-store.js';
import { RichText } from '../common/RichText.js';

export function PendingMessage({ item }: { item: Outgoing }) {
  const app = useApp();
  const t = conversationText();
  return (
    <div class={`msg ${item.internal ? 'msg-note' : 'msg-out'} pending pending-${item.state}`}>
      {item.internal ? (
        <div class="msg-text">
          <RichText text={item.text} />
        </div>
      ) : (
        <div class="bubble">
          <div class="msg-text">
            <RichText text={item.text} />
          </div>
        </div>
      )}
      <div class="msg-meta">
        <span>{t.pending[item.state]}</span>
        {item.error && <span class="row-error"> {item.error}</span>}
        {item.state === 'failed' && (
          <>
            {' '}
            <button type="button" class="link-btn" onClick={() => void app.sender.retry(item.clientId)}>
              {t.retry}
            </button>{' '}
            <button type="button" class="link-btn" onClick={() => app.sender.discard(item.clientId)}>
              {t.discard}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
