/** Whisper, take over or move one conversation; the server checks role and site on each. */
import type { AgentId, ConversationId, SupervisedAgent, SupervisedConversation } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { supervisorText } from '../../i18n/supervisor.js';

export function ConversationActions({ c, agents, onOpen }: { c: SupervisedConversation; agents: SupervisedAgent[]; onOpen: (id: string) => void }) {
  const app = useApp();
  const t = supervisorText();
  const [whispering, setWhispering] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const conversationId = c.conversationId as ConversationId;
  const targets = agents.filter((a) => a.id !== c.agentId && a.status === 'online' && a.connected && a.load < a.capacity);

  async function run(pending: Promise<{ ok: boolean; error?: { message: string } } | undefined>) {
    const r = await pending;
    setError(r && !r.ok ? (r.error?.message ?? null) : null);
    return r?.ok ?? false;
  }
  const command = app.live()?.command.bind(app.live());

  async function whisper(e: Event) {
    e.preventDefault();
    if (!command || !text.trim()) return;
    if (await run(command('supervisor:whisper', { conversationId, clientId: crypto.randomUUID() as never, text }))) {
      setText('');
      setWhispering(false);
    }
  }

  return (
    <div class="sv-actions">
      <button type="button" class="btn btn-small" onClick={() => onOpen(conversationId)}>
        {t.open}
      </button>
      {c.agentId && (
        <button type="button" class="btn btn-small" aria-expanded={whispering} onClick={() => setWhispering(!whispering)}>
          {t.whisper}
        </button>
      )}
      <button type="button" class="btn btn-small" onClick={() => command && void run(command('supervisor:take-over', { conversationId }))}>
        {t.takeOver}
      </button>
      {c.agentId && targets.length > 0 && (
        <select
          aria-label={t.moveTo}
          onChange={(e) => {
            const to = (e.target as HTMLSelectElement).value as AgentId;
            if (to && command) void run(command('supervisor:move', { conversationId, toAgentId: to }));
          }}
        >
          <option value="">{t.moveTo}</option>
          {targets.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.load}/{a.capacity})
            </option>
          ))}
        </select>
      )}
      {whispering && (
        <form class="sv-whisper" onSubmit={whisper}>
          <input
            type="text"
            value={text}
            aria-label={t.whisper}
            placeholder={t.whisperPlaceholder}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="btn btn-primary btn-small">
            {t.send}
          </button>
        </form>
      )}
      {error && <p class="error small" role="alert">{error}</p>}
    </div>
  );
}
