import type { Agent, Role, Site } from '@counter/shared';
import { useState } from 'preact/hooks';
import type { AgentPatch } from '../../api/rest-api.js';
import { useApp } from '../../app/app-context.js';
import { agentsText } from '../../i18n/agents.js';
import { describeError } from '../../lib/client-error.js';
import { grantableRoles, ROLE_LABELS } from '../../lib/roles.js';
import { useStore } from '../../lib/use-store.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { SiteChecklist } from './SiteChecklist.js';

export function AgentRow({ agent: a, isMe, sites }: { agent: Agent; isMe: boolean; sites: Site[] }) {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent);
  const roles = grantableRoles(me);
  const [error, setError] = useState<string | null>(null);
  /** What is being typed; null shows the stored capacity. */
  const [capacity, setCapacity] = useState<string | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const t = agentsText();

  async function patch(change: AgentPatch) {
    const failure = await app.stores.adminAgents.getState().update(a.id, change);
    setError(failure ? describeError(failure) : null);
    return failure;
  }

  // Reads the field itself: a blur can come before the re-render of the last keystroke.
  function saveCapacity(raw: string) {
    const value = Number(raw);
    if (value === a.capacity) return setCapacity(null);
    if (raw.trim() === '' || !Number.isInteger(value) || value < 0 || value > 50) {
      setCapacity(null);
      return setError(t.capacityRule);
    }
    void patch({ capacity: value }).then(() => setCapacity(null));
  }

  return (
    <tr class={a.active ? '' : 'inactive'} data-agent={a.email}>
      <td>
        <div class="strong">
          {a.name}
          {isMe && <span class="muted">{t.you}</span>}
        </div>
        <div class="muted small">{a.email}</div>
        {error && (
          <div class="row-error" role="alert">
            {error}
          </div>
        )}
      </td>
      <td>
        <select
          aria-label={t.roleOf(a.name)}
          value={a.role}
          disabled={isMe}
          onChange={(e) => void patch({ role: e.currentTarget.value as Role })}
        >
          {(roles.includes(a.role) ? roles : [...roles, a.role]).map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {a.role === 'owner' ? (
          <span class="muted small">{t.everySite}</span>
        ) : (
          <SiteChecklist label={t.sitesOf(a.name)} sites={sites} value={a.siteIds} disabled={isMe} onChange={(siteIds) => void patch({ siteIds })} />
        )}
      </td>
      <td>
        <input
          class="num"
          type="number"
          min={0}
          max={50}
          aria-label={t.capacityOf(a.name)}
          value={capacity ?? String(a.capacity)}
          onInput={(e) => setCapacity(e.currentTarget.value)}
          onBlur={(e) => saveCapacity(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && saveCapacity(e.currentTarget.value)}
        />
      </td>
      <td>
        <span class={`status-dot-inline status-${a.connected ? a.status : 'offline'}`}>
          {a.active ? (a.connected ? t.status[a.status] : t.notConnected) : '—'}
        </span>
        <span class="muted small">
          {' '}
          · {a.load}/{a.capacity}
        </span>
      </td>
      <td class="actions">
        {password === null ? (
          <button type="button" class="btn btn-small" onClick={() => setPassword('')}>
            {t.setPassword}
          </button>
        ) : (
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void patch({ password }).then((failure) => !failure && setPassword(null));
            }}
          >
            <input type="password" minLength={10} required placeholder={t.newPassword} aria-label={t.newPasswordFor(a.name)} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
            <button type="submit" class="btn btn-small btn-primary">
              {t.save}
            </button>
            <button type="button" class="btn btn-small" onClick={() => setPassword(null)}>
              {t.cancel}
            </button>
          </form>
        )}{' '}
        {!isMe &&
          (a.active ? (
            <ConfirmButton class="btn btn-small btn-danger" confirmLabel={t.deactivateConfirm} onConfirm={() => void patch({ active: false })}>
              {t.deactivate}
            </ConfirmButton>
          ) : (
            <button type="button" class="btn btn-small" onClick={() => void patch({ active: true })}>
              {t.reactivate}
            </button>
          ))}
      </td>
    </tr>
  );
}
