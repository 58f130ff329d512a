/**
 * The emoji picker (issue 17, item 6), a lazy chunk loaded on the composer's emoji button.
 * Keyboard: focus starts on the first emoji, arrows move through the grid (rows of
 * EMOJI_COLUMNS, all groups in a row), Enter picks, Esc closes (and does not close the
 * chat). The composer puts the pick at its caret.
 */
import { EMOJI_COLUMNS, EMOJI_GROUPS, emojiGridMove } from '@counter/shared';
import { useEffect, useRef } from 'preact/hooks';
import { CHAT } from '../../i18n/catalogue';
import { EMOJI } from '../../i18n/emoji';
import { useText } from './use-chat';
import { adoptStyles } from './orders/adopt-styles';

adoptStyles(
  `.emoji-pick{max-height:190px;overflow:auto;padding:4px 12px;border-top:1px solid #d0d7de}` +
    `.emoji-pick p{margin:6px 0 2px;font-size:12px;color:#57606a}` +
    `.emoji-pick div{display:grid;grid-template-columns:repeat(${EMOJI_COLUMNS},1fr)}` +
    `.emoji-pick button{border:0;background:none;font:22px 'Apple Color Emoji','Segoe UI Emoji','Noto Color Emoji',sans-serif;line-height:1.3;padding:2px;border-radius:6px}` +
    `.emoji-pick button:hover,.emoji-pick button:focus-visible{background:#eef2f7}`,
);

const STRINGS = { ...CHAT, ...EMOJI };

export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const t = useText(STRINGS);
  const root = useRef<HTMLDivElement>(null);
  const buttons = () => [...root.current!.querySelectorAll('button')];

  useEffect(() => buttons()[0]?.focus(), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    const all = buttons();
    const to = emojiGridMove(e.key, all.indexOf(e.target as HTMLButtonElement), all.length);
    if (to === null) return;
    e.preventDefault();
    all[to]!.focus();
  };

  return (
    <div ref={root} class="emoji-pick" role="dialog" aria-label={t('emoji')} onKeyDown={onKeyDown}>
      {EMOJI_GROUPS.map(([id, list]) => (
        <section key={id} aria-label={t(id)}>
          <p aria-hidden="true">{t(id)}</p>
          <div>
            {list.split(' ').map((emoji) => (
              <button key={emoji} type="button" onClick={() => onPick(emoji)}>
                {emoji}
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
