import type { Site } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
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

  async function change(patch: SitePatch) {
    const failure = await app.stores.adminSites.getState().update(site.id, patch);
    setError(failure);
    setRotated(!failure && patch.rotateIdentitySecret === true);
    if (!failure && patch.rotateIdentitySecret) setShown(true);
  }

  return (
    <section class="card" aria-label="Identity secret">
      <h3>Identity secret</h3>
      <p class="muted">
        Your shop's server signs a logged-in customer with this secret (a JWT with HS256, or a plain HMAC-SHA256 of the id), so
        the chat knows who they are and nobody can pose as them. Keep it on the server; never put it in a page.
      </p>
      <IdentityChecksNotice site={site} />
      <div class="secret-row">
        <code class="secret" data-secret={shown ? 'shown' : 'hidden'}>
          {shown ? site.identitySecret : '•'.repeat(24)}
        </code>
        <button type="button" class="btn btn-small" onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>
        <ConfirmButton
          class="btn btn-small btn-danger"
          confirmLabel="Rotate? The old secret works only for the grace period"
          onConfirm={() => void change({ rotateIdentitySecret: true })}
        >
          Rotate
        </ConfirmButton>
      </div>
      <p class="muted small">
        Key id (JWT <code>kid</code>): <code class="key-id">{site.identityKeyId}</code>
      </p>
      {previous && (
        <p class="warn previous-key" role="note">
          The previous secret (kid <code>{previous.keyId}</code>) still verifies until {fullDate(previous.until)}.{' '}
          <ConfirmButton class="btn btn-small btn-danger" confirmLabel="Stop it now?" onConfirm={() => void change({ endIdentitySecretGrace: true })}>
            Stop it now
          </ConfirmButton>
        </p>
      )}
      {rotated && (
        <p class="ok" role="status">
          New secret issued. Update your shop's server; the old secret keeps working for the grace period.
        </p>
      )}
      <FormError error={error} />
    </section>
  );
}
