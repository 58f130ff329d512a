/**
 * The emoji picker both composers show (issue 17, item 6): the curated groups, focus on the
 * first emoji, arrow keys / Home / End through the grid, Enter picks, Esc closes without
 * closing what the picker sits in. Each app styles it through its own class names; written
 * with `h` so shared needs no JSX setup.
 */
import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { EMOJI_GROUPS, emojiGridMove, type EmojiGroupId } from '../emoji.js';

export interface EmojiGridProps {
  /** The dialog's class (the app's stylesheet); groups are `.emoji-group`, grids `.emoji-grid`, buttons `.emoji`. */
  class: string;
  label: string;
  groupLabel: (id: EmojiGroupId) => string;
  onPick: (emoji: string) => void;
  onClose: () => void;
}

export function EmojiGrid({ class: className, label, groupLabel, onPick, onClose }: EmojiGridProps) {
  const root = useRef<HTMLDivElement>(null);
  const buttons = () => Array.from(root.current!.querySelectorAll('button'));
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

  return h(
    'div',
    { ref: root, class: className, role: 'dialog', 'aria-label': label, onKeyDown },
    EMOJI_GROUPS.map(([id, list]) =>
      h(
        'section',
        { key: id, 'aria-label': groupLabel(id) },
        h('p', { class: 'emoji-group', 'aria-hidden': 'true' }, groupLabel(id)),
        h(
          'div',
          { class: 'emoji-grid' },
          list.split(' ').map((emoji) => h('button', { key: emoji, type: 'button', class: 'emoji', onClick: () => onPick(emoji) }, emoji)),
        ),
      ),
    ),
  );
}
