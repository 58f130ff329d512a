/** Every agent of the site: status, load against capacity, and the chats they hold. */
import type { SupervisedAgent } from '@counter/shared';
import { supervisorText } from '../../i18n/supervisor.js';

export function AgentsBoard({ agents, onOpen }: { agents: SupervisedAgent[]; onOpen: (conversationId: string) => void }) {
  const t = supervisorText();
  return (
    <table class="sv-table sv-agents">
      <caption>{t.agents}</caption>
      <thead>
        <tr>
          <th scope="col">{t.agent}</th>
          <th scope="col">{t.load}</th>
          <th scope="col">{t.chats}</th>
        </tr>
      </thead>
      <tbody>
        {agents.map((a) => (
          <tr key={a.id} data-agent={a.id}>
            <th scope="row">
              {a.name}{' '}
              <span class={`sv-status sv-${a.status}`}>
                {t.status[a.status]}
                {a.status === 'online' && !a.connected && ` · ${t.notConnected}`}
              </span>
            </th>
            <td>
              <meter min={0} max={Math.max(1, a.capacity)} value={a.load} high={Math.max(1, a.capacity) - 0.5} /> {a.load}/{a.capacity}
            </td>
            <td>
              {a.conversations.length === 0 && <span class="muted">{t.noChats}</span>}
              {a.conversations.map((c) => (
                <button key={c.conversationId} type="button" class="btn btn-quiet btn-small" onClick={() => onOpen(c.conversationId)}>
                  {c.visitorName ?? c.preview ?? c.conversationId.slice(0, 6)}
                </button>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
