import { describeError, type ClientError } from '../../lib/client-error.js';

export function FormError({ error }: { error: ClientError | string | null | undefined }) {
  if (!error) return null;
  return (
    <p class="form-error" role="alert">
      {typeof error === 'string' ? error : describeError(error)}
    </p>
  );
}

/** How a form's last submit went: its error, or what was saved (null: nothing to say yet). */
export function FormOutcome({ error, saved }: { error: ClientError | string | null | undefined; saved: string | null }) {
  return (
    <>
      <FormError error={error} />
      {saved && (
        <p class="ok" role="status">
          {saved}
        </p>
      )}
    </>
  );
}
