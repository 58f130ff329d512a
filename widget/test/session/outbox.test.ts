// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { keptStorage } from '../../src/frame/session/kept-storage';
import type { ConversationId } from '@counter/shared';
import { Outbox } from '@counter/shared/delivery';
import { pickConversation, SHOW_RESOLVED_MS } from '../../src/frame/session/pick';

describe('outbox', () => {
  it('keeps each entry under its client id, through the loader, oldest first', () => {
    const kept: [string, string | null][] = [];
    const storage = keptStorage({}, (k, v) => kept.push([k, v]));
    const outbox = new Outbox(storage);
    outbox.add({ clientId: 'b', conversationId: null, text: 'second', createdAt: 2 });
    outbox.add({ clientId: 'a', conversationId: 'c1' as ConversationId, text: 'first', createdAt: 1 });
    expect(outbox.list().map((e) => e.text)).toEqual(['first', 'second']);

    outbox.update('b', { failed: 'timeout', conversationId: 'c1' as ConversationId });
    expect(outbox.get('b')).toMatchObject({ failed: 'timeout', conversationId: 'c1' as ConversationId });
    outbox.remove('a');
    outbox.remove('missing');
    expect(kept.map(([k, v]) => [k, v === null ? null : JSON.parse(v).text])).toEqual([
      ['o:b', 'second'],
      ['o:a', 'first'],
      ['o:b', 'second'],
      ['o:a', null],
    ]);
  });

  it('starts from what the loader kept and ignores what it cannot read', () => {
    const entry = { clientId: 'a', conversationId: null, text: 'kept', createdAt: 1 };
    const outbox = new Outbox(keptStorage({ 'o:a': JSON.stringify(entry), 'o:bad': '{nope', sound: '1' }, () => {}));
    expect(outbox.list()).toEqual([entry]);
  });
});

describe('pickConversation', () => {
  const now = 10 * SHOW_RESOLVED_MS;
  const c = (id: string, status: 'waiting' | 'resolved', resolvedAt: number | null = null) => ({ id, status, resolvedAt }) as never;
  it('shows the open one, else a recently ended one not moved on from, else none', () => {
    expect(pickConversation([c('new', 'resolved', now), c('open', 'waiting')], now, null)).toMatchObject({ id: 'open' });
    expect(pickConversation([c('ended', 'resolved', now - 1000)], now, null)).toMatchObject({ id: 'ended' });
    expect(pickConversation([c('ended', 'resolved', now - 1000)], now, 'ended')).toBeNull();
    expect(pickConversation([c('old', 'resolved', now - SHOW_RESOLVED_MS - 1)], now, null)).toBeNull();
    expect(pickConversation([], now, null)).toBeNull();
  });
});
