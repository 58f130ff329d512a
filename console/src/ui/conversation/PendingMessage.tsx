import { useApp } from '../../app/app-context.js';
import type { Outgoing } from '../../stores/outbox-store.js';
import { RichText } from '../common/RichText.js';

const STATE_LABEL = { sending: 'Sending…', waiting: 'Waiting for the connection…', failed: 'Not sent' } as const;

export function PendingMessage({ item }: { item: Outgoing }) {
  const app = useApp();
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
        <span>{STATE_LABEL[item.state]}</span>
        {item.error && <span class="row-error"> {item.error}</span>}
        {item.state === 'failed' && (
          <>
            {' '}
            <button type="button" class="link-btn" onClick={() => void app.sender.retry(item.clientId)}>
              Retry
            </button>{' '}
            <button type="button" class="link-btn" onClick={() => app.sender.discard(item.clientId)}>
              Discard
            </button>
          </>
        )}
      </div>
    </div>
  );
}
