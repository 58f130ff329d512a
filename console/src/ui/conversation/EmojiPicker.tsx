/**
 * The reply box's emoji (issue 17, item 6): the curated set from shared, arrow keys through
 * the grid, Enter picks, Esc closes without leaving the conversation.
 */
import { EmojiGrid } from '@counter/shared/emoji-grid';
import { emojiText } from '../../i18n/emoji.js';

export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const t = emojiText();
  return <EmojiGrid class="emoji-picker" label={t.emoji} groupLabel={(id) => t.groups[id]} onPick={onPick} onClose={onClose} />;
}
