/** Opening hours per weekday in the shop's time zone, or "always open" (null). */
import type { BusinessHours, BusinessHoursSlot } from '@counter/shared';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS: BusinessHoursSlot[] = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' }));

function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function BusinessHoursEditor({ value, onChange }: { value: BusinessHours | null; onChange: (v: BusinessHours | null) => void }) {
  const setSlot = (index: number, change: Partial<BusinessHoursSlot>) =>
    value && onChange({ ...value, slots: value.slots.map((s, i) => (i === index ? { ...s, ...change } : s)) });

  return (
    <fieldset class="hours">
      <legend>Business hours</legend>
      <label class="choice">
        <input type="radio" name="hours-mode" checked={value === null} onChange={() => onChange(null)} />
        Always open
      </label>
      <label class="choice">
        <input
          type="radio"
          name="hours-mode"
          checked={value !== null}
          onChange={() => onChange(value ?? { timezone: localZone(), slots: WEEKDAYS })}
        />
        Open at set hours (outside them, shoppers can leave a message)
      </label>
      {value && (
        <>
          <label class="field field-narrow">
            <span>Time zone (IANA, e.g. Asia/Shanghai)</span>
            <input name="timezone" required value={value.timezone} onInput={(e) => onChange({ ...value, timezone: e.currentTarget.value.trim() })} />
          </label>
          <table class="table hours-table">
            <tbody>
              {value.slots.map((slot, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label="Day" value={String(slot.day)} onChange={(e) => setSlot(i, { day: Number(e.currentTarget.value) })}>
                      {DAYS.map((d, n) => (
                        <option key={d} value={String(n)}>
                          {d}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input type="time" aria-label="Opens" value={slot.open} onInput={(e) => setSlot(i, { open: e.currentTarget.value })} />
                  </td>
                  <td>
                    <input type="time" aria-label="Closes" value={slot.close} onInput={(e) => setSlot(i, { close: e.currentTarget.value })} />
                  </td>
                  <td>
                    <button type="button" class="btn btn-small" onClick={() => onChange({ ...value, slots: value.slots.filter((_, n) => n !== i) })}>
                      Remove
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
            Add hours
          </button>
        </>
      )}
    </fieldset>
  );
}
