/**
 * What an agent sets about themselves: the name shoppers see ("Mei is helping you"), a picture
 * (resized in the browser, see lib/resize-image.ts) or their initials, and how the console gets
 * their attention. Saved on the server, so it follows them to any browser.
 */
import { LIMITS, type AgentPrefs } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
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
    void run(app.profile.update({ name: name.trim() }), 'Name saved. Shoppers you are helping see it now.');
  };
  const setPref = (key: keyof AgentPrefs, on: boolean) => {
    if (key === 'desktop' && on) app.profile.prepareNotifications();
    void run(app.profile.update({ prefs: { [key]: on } }), 'Preferences saved.');
  };
  async function pickPicture(file: File | undefined) {
    if (!file) return;
    let image: string;
    try {
      image = await squareImage(file, LIMITS.avatarPixels);
    } catch {
      return setError(clientError('validation_failed', 'That file is not an image this browser can read.'));
    }
    await run(app.profile.setPicture(image), 'Picture saved.');
  }

  return (
    <section class="card profile" aria-label="Your profile">
      <h2>Profile</h2>
      <div class="profile-picture">
        {agent.avatarUrl ? <img class="avatar avatar-lg" src={agent.avatarUrl} alt="" /> : <Avatar label={agent.name} seed={agent.id} size="lg" />}
        <label class="btn btn-small">
          {agent.avatarUrl ? 'Change picture' : 'Upload a picture'}
          <input class="visually-hidden" type="file" accept="image/png,image/jpeg,image/webp" disabled={busy} onChange={(e) => void pickPicture(e.currentTarget.files?.[0])} />
        </label>
        {agent.avatarUrl && (
          <button type="button" class="btn btn-small btn-quiet" disabled={busy} onClick={() => void run(app.profile.removePicture(), 'Picture removed: your initials show instead.')}>
            Use initials
          </button>
        )}
      </div>
      <form onSubmit={saveName}>
        <label class="field">
          <span>Name shoppers see</span>
          <input required maxLength={100} value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy || name.trim() === agent.name || !name.trim()}>
            Save name
          </button>
        </div>
      </form>
      <fieldset class="field">
        <legend>Tell me about new conversations and messages (while the console is in the background)</legend>
        <label class="check">
          <input type="checkbox" checked={agent.prefs.sound} disabled={busy} onChange={(e) => setPref('sound', e.currentTarget.checked)} /> With a sound
        </label>
        <label class="check">
          <input type="checkbox" checked={agent.prefs.desktop} disabled={busy} onChange={(e) => setPref('desktop', e.currentTarget.checked)} /> With a desktop notification
        </label>
      </fieldset>
      <FormOutcome error={error} saved={saved} />
    </section>
  );
}
