/**
 * Conversation history and search for staff (issue 16): the page of results the console's
 * History page shows. A cursor is opaque to clients: they send back what they got.
 */
import type { Conversation, MessageAuthor, MessageKind } from './domain.js';
import type { MessageId } from './ids.js';
import type { VisitorSummary } from './events.js';

/** One message that matched a search: the line it matched in, with what to highlight. */
export interface HistoryMatch {
  messageId: MessageId;
  seq: number;
  kind: MessageKind;
  author: MessageAuthor;
  createdAt: number;
  /** The matching line (shortened around the first match when long). */
  snippet: string;
  /** [start, end) offsets into `snippet`, in UTF-16 code units, sorted, not overlapping. */
  highlights: [number, number][];
}

export interface HistoryItem {
  conversation: Conversation;
  visitor: VisitorSummary | null;
  /** Best (newest) matching messages, newest first; empty when listing without a query. */
  matches: HistoryMatch[];
}

export interface HistoryResultPage {
  items: HistoryItem[];
  /** Pass back for the next page; null: nothing more. */
  cursor: string | null;
}
