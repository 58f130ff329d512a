import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { accountText } from '../../i18n/account.js';
import type { ClientError } from '../../lib/client-error.js';
import { selectOpenCount } from '../../stores/inbox-store.js';
import { ROLE_LABELS } from '../../lib/roles.js';
import { useStore } from '../../lib/use-store.js';
import { FormError } from '../common/FormError.js';
import { ProfileCard } from './ProfileCard.js';

export function AccountPage() {
  const app = useApp();
  const agent = useStore(app.stores.session, (s) => s.agent);
  const open = useStore(app.stores.inbox, selectOpenCount);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ClientError | string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const t = accountText();

  async function submit(e: Event) {
    e.preventDefault();
    setDone(false);
    if (next !== repeat) return setError(t.mismatch);
    if (next.length < 10) return setError(t.tooShort);
    setBusy(true);
    const failure = await app.stores.session.getState().changePassword(current, next);
    setBusy(false);
    setError(failure);
    if (!failure) {
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
    }
  }

  return (
    <section class="page page-narrow">
      <h1>{t.title}</h1>
      {agent && (
        <dl class="facts card">
          <dt>{t.name}</dt>
          <dd>{agent.name}</dd>
          <dt>{t.email}</dt>
          <dd>{agent.email}</dd>
          <dt>{t.role}</dt>
          <dd>{ROLE_LABELS[agent.role]}</dd>
          <dt>{t.capacity}</dt>
          <dd>
            {t.capacityText(agent.capacity, open)}
          </dd>
        </dl>
      )}
      <ProfileCard />
      <form class="card" onSubmit={submit}>
        <h2>{t.changePassword}</h2>
        <p class="muted">{t.changeHint}</p>
        <label class="field">
          <span>{t.current}</span>
          <input type="password" autoComplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.next}</span>
          <input type="password" autoComplete="new-password" required minLength={10} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.repeat}</span>
          <input type="password" autoComplete="new-password" required value={repeat} onInput={(e) => setRepeat(e.currentTarget.value)} />
        </label>
        <FormError error={error} />
        {done && (
          <p class="ok" role="status">
            {t.changed}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {t.changePassword}
          </button>
        </div>
      </form>
    </section>
  );
}
