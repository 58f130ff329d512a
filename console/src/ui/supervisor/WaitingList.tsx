/** The queue or the held conversations waiting longest for a reply, each with its actions. */
import type { SupervisedAgent, SupervisedConversation } from '@counter/shared';
import { supervisorText } from '../../i18n/supervisor.js';
import { shortDuration } from '../../lib/time-format.js';
import { ConversationActions } from './ConversationActions.js';
import { DueBadge } from './DueBadge.js';

export function WaitingList(props: {
  title: string;
  empty: string;
  items: SupervisedConversation[];
  agents: SupervisedAgent[];
  now: number;
  onOpen: (id: string) => void;
}) {
  const t = supervisorText();
  return (
    <section class="sv-waiting" aria-label={props.title}>
      <h2>{props.title}</h2>
      {props.items.length === 0 && <p class="muted">{props.empty}</p>}
      <ul class="sv-list">
        {props.items.map((c) => (
          <li key={c.conversationId} class="card" data-conversation={c.conversationId}>
            <p>
              <strong>{c.visitorName ?? t.shopper}</strong>
              {c.agentName && <> · {c.agentName}</>}
              {c.waitingSince !== null && (
                <>
                  {' · '}
                  {t.waiting} <strong>{shortDuration(props.now - c.waitingSince)}</strong>
                </>
              )}
              {c.dueAt != null && <DueBadge dueAt={c.dueAt} now={props.now} />}
            </p>
            {c.preview && <p class="muted small">“{c.preview}”</p>}
            <ConversationActions c={c} agents={props.agents} onOpen={props.onOpen} />
          </li>
        ))}
      </ul>
    </section>
  );
}
