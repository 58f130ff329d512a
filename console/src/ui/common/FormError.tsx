import { describeError, type ClientError } from '../../lib/client-error.js';

export function FormError({ error }: { error: ClientError | string | null | undefined }) {
  if (!error) return null;
  return (
    <p class="form-error" role="alert">
      {typeof error === 'string' ? error : describeError(error)}
    </p>
  );
}
