import type { Site } from '@counter/shared';
import { useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import type { ClientError } from '../../lib/client-error.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { FormError } from '../common/FormError.js';

export function IdentitySecret({ site }: { site: Site }) {
  const app = useApp();
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const [rotated, setRotated] = useState(false);

  async function rotate() {
    const failure = await app.stores.adminSites.getState().update(site.id, { rotateIdentitySecret: true });
    setError(failure);
    setRotated(!failure);
    if (!failure) setShown(true);
  }

  return (
    <section class="card" aria-label="Identity secret">
      <h3>Identity secret</h3>
      <p class="muted">
        Your shop's server signs a logged-in customer's id with this secret (HMAC-SHA256), so the chat knows who they are and
        nobody can pose as them. Keep it on the server; never put it in a page.
      </p>
      <div class="secret-row">
        <code class="secret" data-secret={shown ? 'shown' : 'hidden'}>
          {shown ? site.identitySecret : '•'.repeat(24)}
        </code>
        <button type="button" class="btn btn-small" onClick={() => setShown(!shown)}>
          {shown ? 'Hide' : 'Show'}
        </button>
        <ConfirmButton class="btn btn-small btn-danger" confirmLabel="Rotate? Old signatures stop working" onConfirm={() => void rotate()}>
          Rotate
        </ConfirmButton>
      </div>
      {rotated && (
        <p class="ok" role="status">
          New secret issued. Update your shop's server now.
        </p>
      )}
      <FormError error={error} />
    </section>
  );
}
