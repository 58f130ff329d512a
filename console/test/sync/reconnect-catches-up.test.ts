// @vitest-environment node
/**
 * After any reconnect the console re-reads what it cannot trust: inbox, queue, and every
 * open conversation from the last seq it saw (never inferred from gaps), then resends its
 * outbox with the same client ids.
 */
import { describe, expect, it } from 'vitest';
import { startHarness, until } from '../support/console-harness.js';
import { inboxItem, message, visitorProfile } from '../support/fixtures.js';

describe('reconnect catches up', () => {
  it('re-subscribes open conversations and fetches what came after the last seq seen', async () => {
    const item = inboxItem({ awaitingReplySince: 1 }, { name: 'Mei' });
    const c = item.conversation;
    const h = await startHarness({
      setup: (t) =>
        t
          .answer('inbox:list', { items: [item] })
          .answer('conversation:open', { conversation: c, visitor: visitorProfile({ id: item.visitor.id }), previous: [] })
          .handle('message:history', (q) =>
            q.afterSeq === undefined
              ? { ok: true, data: { messages: [1, 2, 4].map((seq) => message({ conversationId: c.id, seq })), hasMore: false } }
              : { ok: true, data: { messages: [7, 9].map((seq) => message({ conversationId: c.id, seq })), hasMore: false } },
          ),
    });
    await h.app.history.open(c.id);
    expect(h.app.stores.threads.getState().threads[c.id]!.messages.map((m) => m.seq)).toEqual([1, 2, 4]);

    h.transport.connection({ type: 'disconnected', willRetry: true, reason: 'transport close' });
    expect(h.app.stores.connection.getState().state).toBe('reconnecting');
    h.transport.connection({ type: 'connected', recovered: false });
    await until(() => h.app.stores.threads.getState().threads[c.id]!.messages.length === 5);

    expect(h.app.stores.connection.getState().state).toBe('connected');
    expect(h.transport.callsOf('conversation:open')).toHaveLength(2);
    expect(h.transport.callsOf('message:history').at(-1)).toMatchObject({ conversationId: c.id, afterSeq: 4 });
    expect(h.transport.callsOf('inbox:list')).toHaveLength(2);
    expect(h.transport.callsOf('queue:list')).toHaveLength(2);
    expect(h.app.stores.threads.getState().threads[c.id]!.messages.map((m) => m.seq)).toEqual([1, 2, 4, 7, 9]);
  });

  it('pages through a long gap until nothing more is after', async () => {
    const item = inboxItem();
    const c = item.conversation;
    const h = await startHarness({
      setup: (t) =>
        t
          .answer('conversation:open', { conversation: c, visitor: visitorProfile({ id: item.visitor.id }), previous: [] })
          .handle('message:history', (q) => {
            if (q.afterSeq === undefined) return { ok: true, data: { messages: [message({ conversationId: c.id, seq: 1 })], hasMore: false } };
            const from = q.afterSeq + 1;
            const seqs = from > 300 ? [] : Array.from({ length: 100 }, (_, i) => from + i);
            return { ok: true, data: { messages: seqs.map((seq) => message({ conversationId: c.id, seq })), hasMore: from + 100 <= 300 } };
          }),
    });
    await h.app.history.open(c.id);
    h.transport.connection({ type: 'disconnected', willRetry: true, reason: 'ping timeout' });
    h.transport.connection({ type: 'connected', recovered: false });
    await until(() => h.app.stores.threads.getState().threads[c.id]!.messages.length === 301);
  });

  it('resends what was typed while offline, once, with the same client id', async () => {
    const item = inboxItem();
    const c = item.conversation;
    const h = await startHarness({
      setup: (t) =>
        t.handle('message:send', (p) => ({
          ok: true,
          data: { message: message({ conversationId: c.id, seq: 5, clientId: p.clientId as never, text: p.text, author: 'agent' }) },
        })),
    });
    h.transport.connection({ type: 'disconnected', willRetry: true, reason: 'transport close' });
    await h.app.sender.send(c.id, 'sent while offline', false);
    const [waiting] = h.app.stores.outbox.getState().items;
    expect(waiting).toMatchObject({ state: 'waiting', text: 'sent while offline' });

    h.transport.connection({ type: 'connected', recovered: false });
    await until(() => h.app.stores.outbox.getState().items.length === 0);
    const sends = h.transport.callsOf('message:send');
    // The offline attempt never reached a handler; exactly one more went out on reconnect.
    expect(sends.map((s) => s.clientId)).toEqual([waiting!.clientId, waiting!.clientId]);
  });

  it('keeps a refused message, with the reason, until retried or discarded', async () => {
    const c = inboxItem().conversation;
    let refuse = true;
    const h = await startHarness({
      setup: (t) =>
        t.handle('message:send', (p) =>
          refuse
            ? { ok: false, error: { code: 'conversation_resolved', message: 'This conversation is resolved.' } }
            : { ok: true, data: { message: message({ conversationId: c.id, seq: 2, clientId: p.clientId as never, author: 'agent' }) } },
        ),
    });
    await h.app.sender.send(c.id, 'too late', false);
    const [failed] = h.app.stores.outbox.getState().items;
    expect(failed).toMatchObject({ state: 'failed', error: 'This conversation is resolved.' });
    refuse = false;
    await h.app.sender.retry(failed!.clientId);
    expect(h.app.stores.outbox.getState().items).toHaveLength(0);
  });

  it('retries a send that got no answer while still connected, with the same client id', async () => {
    const c = inboxItem().conversation;
    let calls = 0;
    const h = await startHarness({
      setup: (t) =>
        t.handle('message:send', (p) =>
          ++calls === 1
            ? { ok: false, error: { code: 'timeout', message: 'The server did not answer in time.' } }
            : { ok: true, data: { message: message({ conversationId: c.id, seq: 3, clientId: p.clientId as never, author: 'agent' }) } },
        ),
    });
    await h.app.sender.send(c.id, 'slow network', false);
    await until(() => h.app.stores.outbox.getState().items.length === 0, 3000);
    const ids = h.transport.callsOf('message:send').map((s) => s.clientId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });
});
