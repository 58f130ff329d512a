/** Who answers and whether anyone is there, at a glance; sound and close controls. */
import { useState } from 'preact/hooks';
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

/**
 * The assigned agent's picture (issue 17), when the site shows it: served by the conversation,
 * so the shopper never sees an agent id; the name in the URL makes a transfer load the new
 * one. No picture: the agent's initial instead.
 */
function AgentFace() {
  const face = useChat((s) => {
    const c = s.conversation;
    return s.look?.showAgent !== false && c?.status === 'assigned' && c.agentName ? `${c.id}|${c.agentName}` : '';
  });
  const [failed, setFailed] = useState('');
  if (!face) return null;
  const [id, name] = face.split('|') as [string, string];
  return (
    <span class="face" aria-hidden="true">
      {failed === face ? (
        name[0]
      ) : (
        <img src={`/api/v1/visitor/conversations/${id}/agent-avatar?n=${encodeURIComponent(name)}`} alt="" onError={() => setFailed(face)} />
      )}
    </span>
  );
}

export function Header() {
  const t = useText();
  const session = useSession();
  const name = useChat((s) => s.siteName);
  const sound = useChat((s) => s.sound);
  const look = useChat((s) => s.look);
  return (
    <header class="head" style={look ? { background: look.color, color: look.ink } : undefined}>
      <AgentFace />
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
