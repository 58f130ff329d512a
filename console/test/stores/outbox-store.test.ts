// @vitest-environment node
import type { ConversationId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { createOutboxStore, type Outgoing } from '../../src/stores/outbox-store.js';
import { MemoryStorage } from '../support/console-harness.js';

const item = (over: Partial<Outgoing> = {}): Outgoing => ({
  clientId: 'c1',
  conversationId: 'conv' as ConversationId,
  text: 'hello',
  internal: false,
  state: 'sending',
  error: null,
  createdAt: 1,
  ...over,
});

describe('outbox store', () => {
  it('survives a reload: what was in flight is resent, what was refused stays refused', () => {
    const storage = new MemoryStorage();
    const first = createOutboxStore(storage);
    first.getState().load('agent-1');
    first.getState().add(item({ clientId: 'a' }));
    first.getState().add(item({ clientId: 'b', state: 'failed', error: 'too long' }));

    const reloaded = createOutboxStore(storage);
    reloaded.getState().load('agent-1');
    expect(reloaded.getState().items.map((o) => [o.clientId, o.state])).toEqual([
      ['a', 'waiting'],
      ['b', 'failed'],
    ]);
  });

  it('keeps each agent’s outbox apart and forgets confirmed messages', () => {
    const storage = new MemoryStorage();
    const store = createOutboxStore(storage);
    store.getState().load('agent-1');
    store.getState().add(item({ clientId: 'a' }));
    store.getState().add(item({ clientId: 'a' }));
    expect(store.getState().items).toHaveLength(1);
    store.getState().load('agent-2');
    expect(store.getState().items).toHaveLength(0);
    store.getState().load('agent-1');
    store.getState().remove('a');
    expect(storage.data.size).toBe(0);
  });

  it('ignores garbage in storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('counter.console.outbox.agent-1', '{"not":"a list"}');
    const store = createOutboxStore(storage);
    store.getState().load('agent-1');
    expect(store.getState().items).toEqual([]);
  });
});
