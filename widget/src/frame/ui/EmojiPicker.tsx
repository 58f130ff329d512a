/**
 * The emoji picker (issue 17, item 6), a lazy chunk loaded on the composer's emoji button.
 * The grid and its keyboard are shared with the console (@counter/shared/emoji-grid); the
 * composer puts the pick at its caret.
 */
import { EMOJI_COLUMNS } from '@counter/shared';
import { EmojiGrid } from '@counter/shared/emoji-grid';
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
  return <EmojiGrid class="emoji-pick" label={t('emoji')} groupLabel={t} onPick={onPick} onClose={onClose} />;
}
