/**
 * The one place where text from people (shoppers, agents, merchants' pages) is made safe to
 * store and show, used by every text schema in this folder:
 *
 * - lone surrogates dropped (they are not text, and break encoders downstream);
 * - C0/C1 controls and DEL dropped (NUL, ESC, ...); multi-line text keeps \n and \t (a \r\n or
 *   \r becomes \n), a single-line label turns them into a space;
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) dropped: they
 *   make "Refund approved \u202Egnp.exe" read as "…exe.png". Implicit marks (LRM, RLM, ALM)
 *   stay: they cannot reorder a run of text, and right-to-left writers need them;
 * - NFC, so one word is stored one way (search, tags, comparisons);
 * - at most COMBINING_MARKS_PER_BASE combining marks in a row ("Zalgo" text that spills over
 *   the lines around it); real scripts need up to about three (Hebrew with points and
 *   cantillation, Vietnamese, Indic vowel signs and viramas);
 * - and `hasVisibleText`: text made only of spaces, zero-width and other default-ignorable
 *   characters, fillers (Hangul U+3164, Braille blank) or combining marks shows as nothing,
 *   e.g. a blank name beside the verified mark, and is refused with its own message.
 *
 * ZWJ and ZWNJ inside visible text stay: emoji sequences and Persian, Indic scripts need them.
 * Only the server imports this (clients take types), so it costs the widget nothing.
 */
/** Combining marks in a row on one character; more are dropped. Not in LIMITS: the widget imports those, and only the server needs this. */
export const COMBINING_MARKS_PER_BASE = 4;

// Without the u flag, so that each half of a surrogate pair is seen on its own.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;
const CONTROLS_EXCEPT_TAB_LF = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const TAB_LF = /[\t\n]/g;
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const EXCESS_MARKS = new RegExp(`(\\p{M}{${COMBINING_MARKS_PER_BASE}})\\p{M}+`, 'gu');
const VISIBLE = /[^\s\p{Z}\p{M}\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\u2800]/u;

export function cleanText(value: string, multiline: boolean): string {
  let text = value.replace(LONE_SURROGATE, '').replace(LINE_BREAK, '\n').replace(CONTROLS_EXCEPT_TAB_LF, '');
  if (!multiline) text = text.replace(TAB_LF, ' ');
  return text.replace(BIDI_CONTROLS, '').normalize('NFC').replace(EXCESS_MARKS, '$1');
}

export function hasVisibleText(value: string): boolean {
  return VISIBLE.test(value);
}

export const NOTHING_VISIBLE = 'must contain visible characters';
