/** One line of the conversation: a message with its author, time and delivery state, or an event. */
import type { ConversationEvent, VisitorConversation } from '@counter/shared';
import type { ChatKey } from '../../i18n/catalogue';
import { formatTime } from '../../i18n/text';
import { delivery, type ChatMessage } from '../store/messages';
import { LinkedText } from './LinkedText';
import { lazy } from './lazy';
import { useChat, useSession, useText } from './use-chat';
import { lazyWith } from './orders/lazy-with';

/** No Vite preload helper: the chunk has no CSS or shared chunk to preload (see App.tsx). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
const __vitePreload = (load: () => Promise<unknown>) => load();
/** After-sales outcomes: a lazy chunk, loaded only in a conversation that has one. */
const OrderActionEvent = lazyWith(() => import('./OrderActionEvent').then((m) => m.OrderActionEvent));

/** A file (issue 12 item 5): its view loads when a thread first shows one. */
const AttachmentView = lazy(() => import('./attach/attach-views').then((m) => m.AttachmentView));

/** What each conversation event reads as; 'queued' shows nothing (the status bar says it). */
const EVENTS: Partial<Record<ConversationEvent['type'], ChatKey>> = {
  assigned: 'evAssigned',
  transferred: 'evTransferred',
  reassigned: 'evTransferred',
  resolved: 'evResolved',
  reopened: 'evReopened',
  rated: 'evRated',
};

export function MessageItem({ message, conversation }: { message: ChatMessage; conversation: VisitorConversation | null }) {
  const t = useText();
  const session = useSession();
  const locale = useChat((s) => s.locale);
  const event = message.event;
  if (event?.type === 'order_action') return <OrderActionEvent event={event} locale={locale} />;
  if (event) {
    const key = EVENTS[event.type];
    const vars = { name: ('agentName' in event && event.agentName) || t('support'), n: 'score' in event ? event.score : '' };
    return key ? <li class="event">{t(key, vars)}</li> : null;
  }
  const mine = message.author === 'visitor';
  const state = mine ? delivery(message, conversation) : null;
  const time = formatTime(locale, message.createdAt);
  return (
    <li class={mine ? 'msg me' : 'msg'}>
      <span class="sr">{mine ? t('you') : (message.authorName ?? t('support'))}: </span>
      <div class="bubble">
        {message.attachment ? <AttachmentView meta={message.attachment} /> : <LinkedText text={message.text} />}
      </div>
      <div class="meta">
        {!mine && `${message.authorName ?? t('support')} · `}
        <time dateTime={new Date(message.createdAt).toISOString()}>{time}</time>
        {state && state !== 'failed' && ` · ${t(state)}`}
        {state === 'failed' && (
          <>
            {' · '}
            <span class="fail">{t('failed')}</span>
            <button type="button" class="link" onClick={() => session.retry(message.clientId)}>
              {t('retry')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
