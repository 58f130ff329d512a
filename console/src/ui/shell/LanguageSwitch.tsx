/**
 * English / 中文, per person: saved in their prefs on the server (so it follows them to any
 * browser); the console re-renders in the new language once the server has it.
 */
import type { Locale } from '@counter/shared';
import { useApp } from '../../app/app-context.js';
import { consoleLocale } from '../../i18n/locale.js';
import { shellText } from '../../i18n/shell.js';

/** Each language named in itself: someone who cannot read the current one still finds theirs. */
const NAMES: Record<Locale, string> = { en: 'English', zh: '中文' };

export function LanguageSwitch() {
  const app = useApp();
  const current = consoleLocale();
  return (
    <select
      class="lang-switch"
      aria-label={`${shellText().language} / Language`}
      value={current}
      onChange={(e) => void app.profile.update({ prefs: { locale: e.currentTarget.value as Locale } })}
    >
      {(Object.keys(NAMES) as Locale[]).map((l) => (
        <option key={l} value={l}>
          {NAMES[l]}
        </option>
      ))}
    </select>
  );
}
