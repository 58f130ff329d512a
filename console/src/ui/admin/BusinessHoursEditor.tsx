/** Opening hours per weekday in the shop's time zone, or "always open" (null). */
import type { BusinessHours, BusinessHoursSlot } from '@counter/shared';
import { sitesText } from '../../i18n/sites.js';

const WEEKDAYS: BusinessHoursSlot[] = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' }));

function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function BusinessHoursEditor({ value, onChange }: { value: BusinessHours | null; onChange: (v: BusinessHours | null) => void }) {
  const t = sitesText();
  const setSlot = (index: number, change: Partial<BusinessHoursSlot>) =>
    value && onChange({ ...value, slots: value.slots.map((s, i) => (i === index ? { ...s, ...change } : s)) });

  return (
    <fieldset class="hours">
      <legend>{t.hours}</legend>
      <label class="choice">
        <input type="radio" name="hours-mode" checked={value === null} onChange={() => onChange(null)} />
        {t.alwaysOpen}
      </label>
      <label class="choice">
        <input
          type="radio"
          name="hours-mode"
          checked={value !== null}
          onChange={() => onChange(value ?? { timezone: localZone(), slots: WEEKDAYS })}
        />
        {t.setHours}
      </label>
      {value && (
        <>
          <label class="field field-narrow">
            <span>{t.timeZone}</span>
            <input name="timezone" required value={value.timezone} onInput={(e) => onChange({ ...value, timezone: e.currentTarget.value.trim() })} />
          </label>
          <table class="table hours-table">
            <tbody>
              {value.slots.map((slot, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label={t.day} value={String(slot.day)} onChange={(e) => setSlot(i, { day: Number(e.currentTarget.value) })}>
                      {t.days.map((d, n) => (
                        <option key={d} value={String(n)}>
                          {d}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="time" aria-label={t.opens} value={slot.open} onInput={(e) => setSlot(i, { open: e.currentTarget.value })} />
                  </td>
                  <td>
                    <input type="time" aria-label={t.closes} value={slot.close} onInput={(e) => setSlot(i, { close: e.currentTarget.value })} />
                  </td>
                  <td>
                    <button type="button" class="btn btn-small" onClick={() => onChange({ ...value, slots: value.slots.filter((_, n) => n !== i) })}>
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            type="button"
            class="btn btn-small"
            onClick={() => onChange({ ...value, slots: [...value.slots, { day: 6, open: '10:00', close: '16:00' }] })}
          >
            {t.addHours}
          </button>
        </>
      )}
    </fieldset>
  );
}
