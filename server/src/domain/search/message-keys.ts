/**
 * Which messages are searchable and by what: texts and notes, by the distinct tokens of their
 * text (tokenize.ts). Other kinds (events, order and product cards) get no keys, but a
 * version all the same, so the start-up backfill never looks at them again.
 */
import type { MessageKind } from '@counter/shared';
import type { MessageSearchFields } from '../../store/documents.js';
import { searchKeys } from './tokenize.js';

/** Bump when the tokenizer changes what it makes of a text; the backfill then re-keys. */
export const KEYS_VERSION = 1;

const SEARCHABLE: readonly MessageKind[] = ['text', 'note'];

export function messageSearchFields(message: { kind: MessageKind; text: string }): Required<MessageSearchFields> {
  return {
    searchKeys: SEARCHABLE.includes(message.kind) ? searchKeys(message.text) : [],
    keysVersion: KEYS_VERSION,
  };
}
