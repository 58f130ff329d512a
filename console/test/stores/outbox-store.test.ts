// @vitest-environment node
import type { ConversationId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { createOutboxStore } from '../../src/stores/outbox-store.js';
import { MemoryStorage } from '../support/console-harness.js';

const entry = (clientId: string) => ({ clientId, conversationId: 'conv' as ConversationId, text: 'hello', internal: false, createdAt: 1 });

describe('outbox store', () => {
  it('survives a reload: what was in flight is resent, what was refused stays refused', () => {
    const storage = new MemoryStorage();
    const first = createOutboxStore(storage);
    first.getState().load('agent-1');
    first.getState().outbox.add(entry('a'));
    first.getState().outbox.add({ ...entry('b'), failed: 'payload_too_large' });
    first.getState().status('a', 'sending');
    expect(first.getState().items.map((o) => [o.clientId, o.state])).toEqual([
      ['a', 'sending'],
      ['b', 'failed'],
    ]);

    const reloaded = createOutboxStore(storage);
    reloaded.getState().load('agent-1');
    expect(reloaded.getState().items.map((o) => [o.clientId, o.state, o.error])).toEqual([
      ['a', 'waiting', null],
      ['b', 'failed', 'The request is too large.'],
    ]);
  });

  it('keeps each agent’s outbox apart and forgets confirmed messages', () => {
    const storage = new MemoryStorage();
    const store = createOutboxStore(storage);
    store.getState().load('agent-1');
    store.getState().outbox.add(entry('a'));
    store.getState().refresh();
    expect(store.getState().items).toHaveLength(1);
    store.getState().load('agent-2');
    expect(store.getState().items).toHaveLength(0);
    store.getState().load('agent-1');
    expect(store.getState().items).toHaveLength(1);
    store.getState().outbox.remove('a');
    store.getState().refresh();
    expect(store.getState().items).toHaveLength(0);
    expect(storage.data.size).toBe(0);
  });

  it('ignores garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('counter.console.outbox.agent-1.x', '{"not":"an entry"}');
    storage.setItem('counter.console.outbox.agent-1.y', '{broken');
    const store = createOutboxStore(storage);
    store.getState().load('agent-1');
    expect(store.getState().items).toEqual([]);
  });
});
