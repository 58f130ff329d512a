// @vitest-environment node
import type { VisitorConversation } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { delivery, firstSeq, lastSeq, merge } from '../../src/frame/store/messages';
import { chatMessage } from '../support/fixtures';

const msg = chatMessage;

describe('merge', () => {
  it('orders stored messages by seq, never by clock, and keeps pending ones last in writing order', () => {
    const list = merge([], [msg('b', 2, { createdAt: 1 }), msg('p2', null, { createdAt: 20 }), msg('a', 1, { createdAt: 9 }), msg('p1', null, { createdAt: 10 })]);
    expect(list.map((m) => m.clientId)).toEqual(['a', 'b', 'p1', 'p2']);
  });

  it('replaces a pending message with its stored copy, and never the other way round', () => {
    const pending = merge([], [msg('x', null)]);
    const stored = merge(pending, [msg('x', 7)]);
    expect(stored).toEqual([msg('x', 7)]);
    expect(merge(stored, [msg('x', null)])).toEqual([msg('x', 7)]);
  });

  it('drops what was already seen (same client id or same seq) and internal notes', () => {
    const list = merge([msg('a', 1)], [msg('a', 1), msg('other-id-same-seq', 1), msg('note', 2, { kind: 'note' }), msg('c', 3)]);
    expect(list.map((m) => m.clientId)).toEqual(['a', 'c']);
  });

  it('tolerates gaps in sequence numbers (hidden notes)', () => {
    expect(merge([msg('a', 1)], [msg('c', 5)]).map((m) => m.seq)).toEqual([1, 5]);
    expect(lastSeq([msg('a', 1), msg('c', 5), msg('p', null)])).toBe(5);
    expect(firstSeq([msg('p', null), msg('a', 3), msg('c', 5)])).toBe(3);
    expect(firstSeq([msg('p', null)])).toBeNull();
  });
});

describe('delivery', () => {
  const conversation = { agentReadSeq: 4 } as VisitorConversation;
  it('is sending, sent, read by the agent, or failed', () => {
    expect(delivery(msg('a', null), conversation)).toBe('sending');
    expect(delivery(msg('a', 5), conversation)).toBe('sent');
    expect(delivery(msg('a', 4), conversation)).toBe('read');
    expect(delivery(msg('a', null, { failed: 'timeout' }), conversation)).toBe('failed');
  });
});
