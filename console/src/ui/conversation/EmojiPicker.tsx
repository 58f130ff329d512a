/**
 * The reply box's emoji (issue 17, item 6): the curated set from shared, arrow keys through
 * the grid, Enter picks, Esc closes without leaving the conversation.
 */
import { EMOJI_GROUPS, emojiGridMove } from '@counter/shared';
import { useEffect, useRef } from 'preact/hooks';
import { emojiText } from '../../i18n/emoji.js';

export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const t = emojiText();
  const root = useRef<HTMLDivElement>(null);
  const buttons = () => [...root.current!.querySelectorAll('button')];
  useEffect(() => buttons()[0]?.focus(), []);

  function onKeyDown(e: KeyboardEvent) {
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
  }

  return (
    <div ref={root} class="emoji-picker" role="dialog" aria-label={t.emoji} onKeyDown={onKeyDown}>
      {EMOJI_GROUPS.map(([id, list]) => (
        <section key={id} aria-label={t.groups[id]}>
          <p class="emoji-group" aria-hidden="true">
            {t.groups[id]}
          </p>
          <div class="emoji-grid">
            {list.split(' ').map((emoji) => (
              <button key={emoji} type="button" class="emoji" onClick={() => onPick(emoji)}>
                {emoji}
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
