/** Per-line quantities (a refund by line, a return) or per-line choices (cancelling some lines) of an order. */
import type { AgentOrder } from '@counter/shared';
import { returnsText } from '../../i18n/returns.js';

export type Picked = Record<string, number>;

/** The lines with a quantity above 0, as the server takes them. */
export const pickedLines = (picked: Picked) =>
  Object.entries(picked)
    .filter(([, quantity]) => quantity > 0)
    .map(([lineId, quantity]) => ({ lineId, quantity }));

export function LineQuantities(props: { order: AgentOrder; picked: Picked; onChange: (p: Picked) => void; checkboxes?: boolean }) {
  const { order, picked } = props;
  const t = returnsText();
  return (
    <fieldset class="line-quantities">
      <legend class="small">{t.lines}</legend>
      {order.lines.map((l) => {
        const name = `${l.title}${l.variant ? ` · ${l.variant}` : ''}`;
        return (
          <label key={l.id} class="row small">
            {props.checkboxes ? (
              <input type="checkbox" checked={(picked[l.id] ?? 0) > 0} onChange={(e) => props.onChange({ ...picked, [l.id]: e.currentTarget.checked ? l.quantity : 0 })} />
            ) : (
              <input
                type="number"
                class="field-narrow"
                min={0}
                max={l.quantity}
                aria-label={t.quantityOf(name)}
                value={picked[l.id] ?? 0}
                onInput={(e) => props.onChange({ ...picked, [l.id]: Math.max(0, Math.min(l.quantity, Number(e.currentTarget.value) || 0)) })}
              />
            )}
            <span>
              {name} (×{l.quantity})
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
