/** A filter's site choice, shown only to people who work for several sites; "" means any. */
export function SiteSelect(props: { label: string; anyLabel: string; value: string; onChange: (e: Event) => void; sites: [string, string][] }) {
  if (props.sites.length <= 1) return null;
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={props.onChange}>
        <option value="">{props.anyLabel}</option>
        {props.sites.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
