/**
 * Keyboard shortcuts: one table drives both the key handler and the help overlay, so the
 * overlay can never list a shortcut that does not work. Single keys act only outside text
 * fields; Alt+arrows move between conversations from anywhere, the composer included.
 */
export type ShortcutCommand =
  | 'next'
  | 'previous'
  | 'focusComposer'
  | 'resolve'
  | 'transfer'
  | 'inbox'
  | 'queue'
  | 'help'
  | 'escape';

/** What each does, in words: i18n/shell.ts (`shortcut`, `composerKey`). */
export interface Shortcut {
  command: ShortcutCommand;
  keys: string[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'next', keys: ['j', 'Alt+↓'] },
  { command: 'previous', keys: ['k', 'Alt+↑'] },
  { command: 'focusComposer', keys: ['r'] },
  { command: 'resolve', keys: ['e'] },
  { command: 'transfer', keys: ['t'] },
  { command: 'inbox', keys: ['i'] },
  { command: 'queue', keys: ['q'] },
  { command: 'help', keys: ['?'] },
  { command: 'escape', keys: ['Esc'] },
];

/** In the composer only, besides Alt+arrows. */
export const COMPOSER_KEYS: readonly { keys: string }[] = [
  { keys: 'Enter' },
  { keys: 'Shift+Enter' },
  { keys: '/shortcut' },
  { keys: 'Alt+N' },
];

export interface KeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Typing in an input, textarea, select or contenteditable. */
  inTextField: boolean;
}

const SINGLE: Record<string, ShortcutCommand> = {
  j: 'next',
  k: 'previous',
  r: 'focusComposer',
  e: 'resolve',
  t: 'transfer',
  i: 'inbox',
  q: 'queue',
  '?': 'help',
};

export function shortcutFor(e: KeyInput): ShortcutCommand | null {
  if (e.key === 'Escape') return 'escape';
  if (e.altKey && !e.ctrlKey && !e.metaKey) {
    if (e.key === 'ArrowDown') return 'next';
    if (e.key === 'ArrowUp') return 'previous';
    return null;
  }
  if (e.inTextField || e.ctrlKey || e.metaKey || e.altKey) return null;
  return SINGLE[e.key] ?? null;
}

export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  return Boolean(el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]'));
}
