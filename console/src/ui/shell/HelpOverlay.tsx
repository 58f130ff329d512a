import { COMPOSER_KEYS, SHORTCUTS } from '../../lib/shortcuts.js';
import { Dialog } from '../common/Dialog.js';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table class="keys">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.command}>
              <td>
                {s.keys.map((k, i) => (
                  <>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </>
                ))}
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>In the composer</h3>
      <table class="keys">
        <tbody>
          {COMPOSER_KEYS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">Single-key shortcuts work when you are not typing in a field.</p>
    </Dialog>
  );
}
