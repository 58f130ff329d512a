import type { Site } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { sitesText } from '../../i18n/sites.js';
import type { ClientError } from '../../lib/client-error.js';
import type { SitePatch } from '../../api/rest-api.js';
import { fullDate } from '../../lib/time-format.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { FormError } from '../common/FormError.js';
import { IdentityChecksNotice } from './IdentityChecksNotice.js';

export function IdentitySecret({ site }: { site: Site }) {
  const app = useApp();
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [rotated, setRotated] = useState(false);
  const previous = site.previousIdentityKey;
  const t = sitesText();

  async function change(patch: SitePatch) {
    const failure = await app.stores.adminSites.getState().update(site.id, patch);
    setError(failure);
    setRotated(!failure && patch.rotateIdentitySecret === true);
    if (!failure && patch.rotateIdentitySecret) setShown(true);
  }

  return (
    <section class="card" aria-label={t.identity}>
      <h3>{t.identity}</h3>
      <p class="muted">
        {t.identityIntro}
      </p>
      <IdentityChecksNotice site={site} />
      <div class="secret-row">
        <code class="secret" data-secret={shown ? 'shown' : 'hidden'}>
          {shown ? site.identitySecret : '•'.repeat(24)}
        </code>
        <button type="button" class="btn btn-small" onClick={() => setShown(!shown)}>
          {shown ? t.hide : t.show}
        </button>
        <ConfirmButton
          class="btn btn-small btn-danger"
          confirmLabel={t.rotateConfirm}
          onConfirm={() => void change({ rotateIdentitySecret: true })}
        >
          {t.rotate}
        </ConfirmButton>
      </div>
      <p class="muted small">
        {t.keyId}
        <code>kid</code>
        {t.keyIdEnd}
        <code class="key-id">{site.identityKeyId}</code>
      </p>
      {previous && (
        <p class="warn previous-key" role="note">
          {t.previousBefore}
          <code>{previous.keyId}</code>
          {t.previousAfter(fullDate(previous.until))}{' '}
          <ConfirmButton class="btn btn-small btn-danger" confirmLabel={t.stopConfirm} onConfirm={() => void change({ endIdentitySecretGrace: true })}>
            {t.stop}
          </ConfirmButton>
        </p>
      )}
      {rotated && (
        <p class="ok" role="status">
          {t.rotated}
        </p>
      )}
      <FormError error={error} />
    </section>
  );
}
