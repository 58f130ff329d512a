/**
 * The conversation, newest at the bottom. Stays pinned to the bottom while the shopper is
 * there (or just wrote), keeps its place when older pages arrive on top, and asks for the
 * next older page when scrolled to the top (a button does the same for keyboards).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { MessageItem } from './MessageItem';
import { useChat, useSession, useText } from './use-chat';

const NEAR_PX = 80;

export function MessageList() {
  const t = useText();
  const session = useSession();
  const messages = useChat((s) => s.messages);
  const earlier = useChat((s) => s.earlier);
  const conversation = useChat((s) => s.conversation);
  const greeting = useChat((s) => s.greeting);
  const hasOlder = useChat((s) => s.hasOlder);
  const typing = useChat((s) => s.typing);
  // A hidden frame has no layout: replies that came while closed are scrolled to on open.
  const open = useChat((s) => s.open);
  const log = useRef<HTMLDivElement>(null);
  // Measured before each update: distance from the bottom, and the first message shown.
  const fromBottom = useRef(0);
  const first = useRef<string | undefined>(undefined);

  useLayoutEffect(() => {
    const el = log.current!;
    const top = messages[0]?.clientId;
    const last = messages.at(-1);
    if (first.current !== undefined && top !== first.current && fromBottom.current > NEAR_PX) {
      el.scrollTop = el.scrollHeight - fromBottom.current - el.clientHeight; // older page added above
    } else if (fromBottom.current <= NEAR_PX || last?.seq === null) {
      el.scrollTop = el.scrollHeight;
    }
    first.current = top;
    fromBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight;
  }, [messages, typing, open]);

  const onScroll = () => {
    const el = log.current!;
    fromBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight;
    if (el.scrollTop < NEAR_PX && hasOlder) void session.loadOlder();
  };

  return (
    <div class="log" ref={log} onScroll={onScroll}>
      {hasOlder && (
        <button type="button" class="link" onClick={() => void session.loadOlder()}>
          {t('earlier')}
        </button>
      )}
      <ol aria-label={t('messages')}>
        {!hasOlder && (
          <li class="msg">
            <div class="bubble">{greeting || t('greeting')}</div>
          </li>
        )}
        {earlier.map(([ended, list]) => list.map((m) => <MessageItem key={m.clientId} message={m} conversation={ended} />))}
        {messages.map((m) => (
          <MessageItem key={m.clientId} message={m} conversation={conversation} />
        ))}
      </ol>
      {typing !== null && <p class="typing">{t('typing', { name: typing || t('support') })}</p>}
    </div>
  );
}
