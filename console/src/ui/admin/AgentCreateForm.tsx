import type { Role } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import type { ClientError } from '../../lib/client-error.js';
import { FormError } from '../common/FormError.js';

export function AgentCreateForm() {
  const app = useApp();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [capacity, setCapacity] = useState('3');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ClientError | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    const failure = await app.stores.adminAgents.getState().create({
      name: name.trim(),
      email: email.trim(),
      role,
      capacity: Number(capacity),
      password,
    });
    setBusy(false);
    setError(failure);
    if (failure) return;
    setCreated(`${name.trim()} can now sign in with ${email.trim()}.`);
    setName('');
    setEmail('');
    setPassword('');
  }

  return (
    <form class="agent-form" onSubmit={submit} aria-label="Add an agent">
      <div class="form-row">
        <label class="field">
          <span>Name</span>
          <input name="name" required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Email</span>
          <input name="email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field field-narrow">
          <span>Role</span>
          <select name="role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </label>
        <label class="field field-narrow">
          <span>Capacity</span>
          <input name="capacity" type="number" min={0} max={50} required value={capacity} onInput={(e) => setCapacity(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Initial password (10+ characters)</span>
          <input name="password" type="password" autoComplete="new-password" minLength={10} required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
      </div>
      <FormError error={error} />
      {created && !error && (
        <p class="ok" role="status">
          {created}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          Add agent
        </button>
      </div>
    </form>
  );
}
