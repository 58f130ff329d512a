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

export interface Shortcut {
  command: ShortcutCommand;
  keys: string[];
  label: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'next', keys: ['j', 'Alt+↓'], label: 'Next conversation' },
  { command: 'previous', keys: ['k', 'Alt+↑'], label: 'Previous conversation' },
  { command: 'focusComposer', keys: ['r'], label: 'Reply: focus the composer' },
  { command: 'resolve', keys: ['e'], label: 'Resolve the conversation' },
  { command: 'transfer', keys: ['t'], label: 'Transfer the conversation' },
  { command: 'inbox', keys: ['i'], label: 'Show my inbox' },
  { command: 'queue', keys: ['q'], label: 'Show the queue' },
  { command: 'help', keys: ['?'], label: 'Show these shortcuts' },
  { command: 'escape', keys: ['Esc'], label: 'Close a dialog, leave the composer' },
];

/** In the composer only, besides Alt+arrows. */
export const COMPOSER_KEYS: readonly { keys: string; label: string }[] = [
  { keys: 'Enter', label: 'Send' },
  { keys: 'Shift+Enter', label: 'New line' },
  { keys: '/shortcut', label: 'Insert a canned reply (Tab or Enter picks)' },
  { keys: 'Alt+N', label: 'Switch between reply and internal note' },
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
