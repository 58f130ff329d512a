/** An action's error next to the control that failed (a row, a header, a notice). */
export function RowError({ error }: { error: string | null | undefined }) {
  if (!error) return null;
  return (
    <span class="row-error" role="alert">
      {error}
    </span>
  );
}
