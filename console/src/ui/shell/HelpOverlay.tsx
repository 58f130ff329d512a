import { COMPOSER_KEYS, SHORTCUTS } from '../../lib/shortcuts.js';
import { shellText } from '../../i18n/shell.js';
import { Dialog } from '../common/Dialog.js';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const t = shellText();
  return (
    <Dialog title={t.shortcuts} onClose={onClose}>
      <table class="keys">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <td>
                {s.keys.map((k, i) => (
                  <>
                    {i > 0 && t.or}
                    <kbd>{k}</kbd>
                  </>
                ))}
              </td>
              <td>{t.shortcut[s.command]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t.inComposer}</h3>
      <table class="keys">
        <tbody>
          {COMPOSER_KEYS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{t.composerKey[s.keys]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{t.singleKeys}</p>
    </Dialog>
  );
}
