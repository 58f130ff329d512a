/**
 * Transfer to a colleague who is online with a free slot, or back to the queue; the note
 * (internal) tells the next agent what is going on.
 */
import type { AgentId, AgentSummary, Conversation } from '@counter/shared';
import { LIMITS } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { conversationText } from '../../i18n/conversation.js';
import type { ClientError } from '../../lib/client-error.js';
import { transferTargets } from '../../lib/transfer-targets.js';
import { useStore } from '../../lib/use-store.js';
import { Dialog } from '../common/Dialog.js';
import { FormError } from '../common/FormError.js';

const QUEUE = 'queue';

export function TransferDialog({ conversation, onClose }: { conversation: Conversation; onClose: () => void }) {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent?.id ?? null);
  const [agents, setAgents] = useState<AgentSummary[] | null>(null);
  const [others, setOthers] = useState(0);
  const [target, setTarget] = useState<string>(QUEUE);
  const [note, setNote] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const t = conversationText();

  useEffect(() => {
    void app.conversations.agents().then((result) => {
      if ('error' in result) return setError(result.error);
      const targets = transferTargets(result.agents, me as AgentId | null);
      setAgents(targets);
      setOthers(result.agents.filter((a) => a.id !== me).length - targets.length);
      if (targets[0]) setTarget(targets[0].id);
    });
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const failure = await app.conversations.transfer(conversation.id, target === QUEUE ? null : (target as AgentId), note);
    setBusy(false);
    if (failure) return setError(failure);
    onClose();
    if (app.stores.route.getState().route.name === 'conversation') app.stores.route.getState().navigate({ name: 'inbox' });
  }

  return (
    <Dialog title={t.transferTitle} onClose={onClose}>
      <form onSubmit={submit} class="transfer">
        <fieldset>
          <legend>{t.to}</legend>
          {agents === null && !error && <p class="muted">{t.loadingAgents}</p>}
          {agents?.map((a) => (
            <label class="choice" key={a.id}>
              <input type="radio" name="target" value={a.id} checked={target === a.id} onChange={() => setTarget(a.id)} />
              <span class="choice-name">{a.name}</span>
              <span class="muted">
                {t.chats(a.load, a.capacity)}
              </span>
            </label>
          ))}
          {agents && agents.length === 0 && <p class="muted">{t.nobodyFree}</p>}
          {others > 0 && (
            <p class="muted small">
              {t.othersAway(others)}
            </p>
          )}
          <label class="choice">
            <input type="radio" name="target" value={QUEUE} checked={target === QUEUE} onChange={() => setTarget(QUEUE)} />
            <span class="choice-name">{t.backToQueue}</span>
            <span class="muted">{t.nextFree}</span>
          </label>
        </fieldset>
        <label class="field">
          <span>{t.transferNote}</span>
          <textarea rows={3} maxLength={LIMITS.commentLength} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <FormError error={error} />
        <div class="form-actions">
          <button type="button" class="btn" onClick={onClose}>
            {t.cancel}
          </button>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t.transfer}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
