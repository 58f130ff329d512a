import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { accountText } from '../../i18n/account.js';
import type { ClientError } from '../../lib/client-error.js';
import { useStore } from '../../lib/use-store.js';
import { FormError } from '../common/FormError.js';

export function LoginPage() {
  const app = useApp();
  const notice = useStore(app.stores.session, (s) => s.notice);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const t = accountText();

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await app.stores.session.getState().login(email, password);
    setBusy(false);
    if (failure) setError(failure);
  }

  return (
    <main class="login">
      <form class="login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">
          <span class="brand-mark" aria-hidden="true" /> Counter
        </h1>
        <p class="muted">{t.signInIntro}</p>
        {notice && <p class="notice">{notice}</p>}
        <label class="field">
          <span>{t.email}</span>
          <input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t.password}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <FormError error={error} />
        <button class="btn btn-primary btn-block" type="submit" disabled={busy}>
          {busy ? t.signingIn : t.signIn}
        </button>
      </form>
    </main>
  );
}
