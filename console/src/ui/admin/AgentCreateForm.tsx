import type { Role, Site, SiteId } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { agentsText } from '../../i18n/agents.js';
import type { ClientError } from '../../lib/client-error.js';
import { grantableRoles, ROLE_LABELS } from '../../lib/roles.js';
import { useStore } from '../../lib/use-store.js';
import { FormError } from '../common/FormError.js';
import { SiteChecklist } from './SiteChecklist.js';

export function AgentCreateForm({ sites }: { sites: Site[] }) {
  const app = useApp();
  const me = useStore(app.stores.session, (s) => s.agent);
  // An admin of exactly one site adds staff to it without having to tick it.
  const [siteIds, setSiteIds] = useState<SiteId[] | null>(null);
  const chosen = siteIds ?? (sites.length === 1 ? [sites[0]!.id] : []);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [capacity, setCapacity] = useState('3');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = agentsText();

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const failure = await app.stores.adminAgents.getState().create({
      name: name.trim(),
      email: email.trim(),
      role,
      siteIds: role === 'owner' ? [] : chosen,
      capacity: Number(capacity),
      password,
    });
    setBusy(false);
    setError(failure);
    if (failure) return;
    setCreated(t.created(name.trim(), email.trim()));
    setName('');
    setEmail('');
    setPassword('');
  }

  return (
    <form class="agent-form" onSubmit={submit} aria-label={t.add}>
      <div class="form-row">
        <label class="field">
          <span>{t.columns.name}</span>
          <input name="name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.email}</span>
          <input name="email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field field-narrow">
          <span>{t.columns.role}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {grantableRoles(me).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label class="field field-narrow">
          <span>{t.columns.capacity}</span>
          <input name="capacity" type="number" min={0} max={50} required value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.initialPassword}</span>
          <input name="password" type="password" autoComplete="new-password" minLength={10} required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
      </div>
      {role !== 'owner' && (
        <div class="field">
          <span>{t.columns.sites}</span>
          <SiteChecklist label={t.sitesOfNew} sites={sites} value={chosen} onChange={setSiteIds} />
        </div>
      )}
      <FormError error={error} />
      {created && !error && (
        <p class="ok" role="status">
          {created}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {t.addAgent}
        </button>
      </div>
    </form>
  );
}
