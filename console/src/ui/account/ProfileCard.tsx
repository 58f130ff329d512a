/**
 * What an agent sets about themselves: the name shoppers see ("Mei is helping you"), a picture
 * (resized in the browser, see lib/resize-image.ts) or their initials, and how the console gets
 * their attention. Saved on the server, so it follows them to any browser.
 */
import { LIMITS, type AgentPrefs } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { accountText } from '../../i18n/account.js';
import { clientError, type ClientError } from '../../lib/client-error.js';
import { squareImage } from '../../lib/resize-image.js';
import { useStore } from '../../lib/use-store.js';
import { Avatar } from '../common/Avatar.js';
import { FormOutcome } from '../common/FormError.js';

export function ProfileCard() {
  const app = useApp();
  const agent = useStore(app.stores.session, (s) => s.agent);
  const [name, setName] = useState(agent?.name ?? '');
  const [error, setError] = useState<ClientError | string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = accountText();
  if (!agent) return null;

  async function run(pending: Promise<ClientError | null>, done: string) {
    setBusy(true);
    setSaved(null);
    const failure = await pending;
    setBusy(false);
    setError(failure);
    if (!failure) setSaved(done);
  }

  const saveName = (e: Event) => {
    e.preventDefault();
    void run(app.profile.update({ name: name.trim() }), t.nameSaved);
  };
  const setPref = (key: keyof AgentPrefs, on: boolean) => {
    if (key === 'desktop' && on) app.profile.prepareNotifications();
    void run(app.profile.update({ prefs: { [key]: on } }), t.prefsSaved);
  };
  async function pickPicture(file: File | undefined) {
    if (!file) return;
    let image: string;
    try {
      image = await squareImage(file, LIMITS.avatarPixels);
    } catch {
      return setError(clientError('validation_failed', t.notImage));
    }
    await run(app.profile.setPicture(image), t.pictureSaved);
  }

  return (
    <section class="card profile" aria-label={t.profile}>
      <h2>{t.profileTitle}</h2>
      <div class="profile-picture">
        {agent.avatarUrl ? <img class="avatar avatar-lg" src={agent.avatarUrl} alt="" /> : <Avatar label={agent.name} seed={agent.id} size="lg" />}
        <label class="btn btn-small">
          {agent.avatarUrl ? t.changePicture : t.uploadPicture}
          <input class="visually-hidden" type="file" accept="image/png,image/jpeg,image/webp" disabled={busy} onChange={(e) => void pickPicture(e.currentTarget.files?.[0])} />
        </label>
        {agent.avatarUrl && (
          <button type="button" class="btn btn-small btn-quiet" disabled={busy} onClick={() => void run(app.profile.removePicture(), t.pictureRemoved)}>
            {t.useInitials}
          </button>
        )}
      </div>
      <form onSubmit={saveName}>
        <label class="field">
          <span>{t.shopperName}</span>
          <input required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy || name.trim() === agent.name || !name.trim()}>
            {t.saveName}
          </button>
        </div>
      </form>
      <fieldset class="field">
        <legend>{t.tellMe}</legend>
        <label class="check">
          <input type="checkbox" checked={agent.prefs.sound} disabled={busy} onChange={(e) => setPref('sound', e.currentTarget.checked)} /> {t.withSound}
        </label>
        <label class="check">
          <input type="checkbox" checked={agent.prefs.desktop} disabled={busy} onChange={(e) => setPref('desktop', e.currentTarget.checked)} /> {t.withDesktop}
        </label>
      </fieldset>
      <FormOutcome error={error} saved={saved} />
    </section>
  );
}
