/**
 * The emoji both composers offer (issue 17, item 6): about a hundred common ones, in five
 * groups, rather than the full Unicode set (thousands, with names and keywords: tens of KB
 * the widget would load for a rarely used button). Each group is one space-separated string:
 * the smallest form for the widget's lazy chunk.
 */
export type EmojiGroupId = 'smileys' | 'gestures' | 'symbols' | 'shopping' | 'things';

export const EMOJI_GROUPS: readonly (readonly [EmojiGroupId, string])[] = [
  ['smileys', '😀 😃 😄 😁 😆 😅 😂 🤣 😊 😇 🙂 😉 😍 🥰 😘 😋 😜 🤔 🤗 🤩 😎 😏 😌 😴 😢 😭 😤 😠 😮 😱 😳 🥺 🙄 😬 🤯 🥳'],
  ['gestures', '👍 👎 👌 ✌️ 🤞 👏 🙌 🙏 👋 🤝 💪 👀 ☝️ 👉 🤷 🙋'],
  ['symbols', '❤️ 🧡 💛 💚 💙 💜 🖤 💔 💯 ✨ ⭐ 🔥 🎉 🎁 ✅ ❌ ⚠️ ❓ ❗ 💡'],
  ['shopping', '🛍️ 🛒 📦 🚚 ✈️ 🏷️ 💳 💰 🧾 📱 💻 👟 👕 👗 👜 ⌚'],
  ['things', '🎧 📷 🕒 📅 ☀️ 🌧️ ☕ 🍰'],
];

/** Per row in both pickers: arrow keys move by one, up and down by a row. */
export const EMOJI_COLUMNS = 8;

/**
 * Where a key moves the focus in the picker's grid of `count` emoji (all groups in a row),
 * or null for a key that does not move it.
 */
export function emojiGridMove(key: string, index: number, count: number, columns = EMOJI_COLUMNS): number | null {
  const to =
    key === 'ArrowRight' ? index + 1
    : key === 'ArrowLeft' ? index - 1
    : key === 'ArrowDown' ? index + columns
    : key === 'ArrowUp' ? index - columns
    : key === 'Home' ? 0
    : key === 'End' ? count - 1
    : null;
  return to === null ? null : Math.min(Math.max(to, 0), count - 1);
}

/** The text with `emoji` put in place of the selection [start, end); and where the caret goes. */
export function insertEmoji(text: string, start: number, end: number, emoji: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + emoji + text.slice(end), caret: start + emoji.length };
}
