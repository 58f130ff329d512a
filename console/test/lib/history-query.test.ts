import type { HistoryItem } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { emptyForm } from '../../src/ui/history/HistoryFilters.js';
import { mergePages, toQuery } from '../../src/ui/history/history-query.js';
import { conversation } from '../support/fixtures.js';

const item = (id: string, messageIds: string[]): HistoryItem => ({
  conversation: conversation({ id: id as never }),
  visitor: null,
  matches: messageIds.map((m) => ({ messageId: m as never, seq: 1, kind: 'text', author: 'visitor', createdAt: 1, snippet: m, highlights: [] })),
});

describe('History page query and pages', () => {
  it('sends only the filters set; the "to" day counts whole', () => {
    expect(toQuery(emptyForm)).toEqual({});
    const q = toQuery({ ...emptyForm, q: '  快递 ', tag: 'Refund', from: '2026-12-01', to: '2026-12-01', score: '4' });
    expect(q).toMatchObject({ q: '快递', tag: 'refund', score: 4 });
    expect(q.to! - q.from!).toBe(24 * 3600_000 - 1);
    expect(toQuery({ ...emptyForm, from: 'not a date' })).toEqual({});
  });

  it("joins a later page's matches to a conversation already shown", () => {
    const merged = mergePages([item('c1', ['m1']), item('c2', ['m2'])], [item('c2', ['m2', 'm3']), item('c3', ['m4'])]);
    expect(merged.map((i) => [i.conversation.id, i.matches.map((m) => m.messageId)])).toEqual([
      ['c1', ['m1']],
      ['c2', ['m2', 'm3']],
      ['c3', ['m4']],
    ]);
  });
});
