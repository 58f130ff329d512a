/** Who answers and whether anyone is there, at a glance; sound and close controls. */
import { formatWait } from '../../i18n/text';
import { Icon } from './Icon';
import { useChat, useSession, useText } from './use-chat';

function useSubtitle(): string {
  const t = useText();
  const locale = useChat((s) => s.locale);
  const agent = useChat((s) => (s.conversation?.status === 'assigned' ? s.conversation.agentName : null));
  const availability = useChat((s) => s.availability);
  if (agent) return t('helping', { name: agent });
  if (!availability) return '';
  if (!availability.open) return t('closed');
  if (!availability.agentsOnline) return t('away');
  const reply = availability.typicalReplySeconds;
  return reply === null ? t('online') : `${t('online')} · ${t('replyIn', { t: formatWait(locale, reply) })}`;
}

export function Header() {
  const t = useText();
  const session = useSession();
  const name = useChat((s) => s.siteName);
  const sound = useChat((s) => s.sound);
  return (
    <header class="head">
      <div class="who">
        <h1>{name || t('title')}</h1>
        <p>{useSubtitle()}</p>
      </div>
      <button type="button" class="icon" aria-label={t('sound')} aria-pressed={sound} onClick={() => session.setSound(!sound)}>
        <Icon name="bell" />
      </button>
      <button type="button" class="icon" aria-label={t('close')} onClick={() => session.requestClose()}>
        <Icon name="close" />
      </button>
    </header>
  );
}
