/**
 * Issue 12 leftovers, on both stores: a process that dies between storing a return request
 * and holding its quantities on the order must not leave a request that holds nothing (a
 * second request could then return the same pair). The crash is simulated by making the
 * store's second write throw once; start-up / housekeeping (finishFilings, after the dead
 * call's lease) finishes the filing once, and a retry with the same key files nothing more.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOLD_LEASE_MS } from '../../src/domain/returns/return-service.js';
import type { ReturnRepository } from '../../src/store/repositories/returns.js';
import {
  agentCommand,
  MERCHANT_SECRET,
  ok,
  signIdentity,
  startMerchant,
  startTestServer,
  visitorCommand,
  type TestServer,
  type VisitorSocket,
} from '../support/index.js';
import { bothStores } from '../support/both-stores.js';

const stores = await bothStores();

describe.each(stores)('a return filing cut short by a crash (%s)', (_label, storeConfig) => {
  let server: TestServer;
  let merchant: Awaited<ReturnType<typeof startMerchant>>;
  let shopper: VisitorSocket;
  let ann: Awaited<ReturnType<TestServer['agent']>>;
  let conversationId: string;
  let skew = 0;
  const order = () => `${server.site.id}:ord_1017`;
  const file = (key = randomUUID()) =>
    visitorCommand(shopper, 'return:file', { conversationId, orderId: 'ord_1017', key, lines: [{ lineId: 'l1', quantity: 1 }], reasonId: 'damaged', attachmentIds: [] } as never);
  /** The process "dies" at this write: it throws once, and nothing after it runs. */
  const dieOnce = (write: 'reserveLines' | 'markHeld') => {
    const repo = server.app.store.returns as ReturnRepository;
    const real = repo[write];
    (repo as unknown as Record<string, unknown>)[write] = async () => {
      (repo as unknown as Record<string, unknown>)[write] = real;
      throw new Error('process died');
    };
  };
  const events = async () =>
    ok(await visitorCommand(shopper, 'message:history', { conversationId, limit: 100 } as never)).messages.filter(
      (m) => (m.event as { returnRequestId?: string } | null)?.returnRequestId || m.text?.startsWith('Return request'),
    );

  beforeAll(async () => {
    if (!storeConfig) return;
    merchant = await startMerchant();
    server = await startTestServer({
      config: { ...storeConfig, orderCacheMs: 0, visitorEventsPerSecond: 1000 },
      deps: { clock: { now: () => Date.now() + skew } },
    });
    await server.app.store.sites.update(server.site.id, { orderProvider: { kind: 'http', url: merchant.url, secret: MERCHANT_SECRET } });
    ann = await server.agent({ name: 'Ann', role: 'agent', online: false });
    shopper = (await server.visitor()).socket;
    ok(await visitorCommand(shopper, 'visitor:identify', { id: 'demo-customer-1', signature: signIdentity('test-identity-secret', 'demo-customer-1') }));
    conversationId = ok(await visitorCommand(shopper, 'conversation:start', {})).conversation.id;
    ok(await visitorCommand(shopper, 'message:send', { conversationId, clientId: randomUUID(), text: 'My sweater came torn' }));
    ok(await agentCommand(ann.socket, 'conversation:take', { conversationId }));
  });
  afterAll(async () => {
    await server?.close();
    await merchant?.close();
  });

  it.skipIf(!storeConfig)('stored but not held: finished once after the lease, and the pair cannot be returned twice', async () => {
    const key = randomUUID();
    dieOnce('reserveLines');
    expect(await file(key)).toMatchObject({ ok: false });
    const [stored] = await server.app.store.returns.forConversation(conversationId);
    expect(stored).toMatchObject({ held: false, stage: 'requested' });
    expect(await server.app.store.returns.returned(order())).toEqual(new Map());

    // Within the dead call's lease nothing touches it; after it, start-up / housekeeping does, once.
    expect(await server.app.services.returns.finishFilings()).toBe(0);
    skew += HOLD_LEASE_MS + 1000;
    expect(await server.app.services.returns.finishFilings()).toBe(1);
    expect(await server.app.services.returns.finishFilings()).toBe(0);
    expect(await server.app.store.returns.returned(order())).toEqual(new Map([['l1', 1]]));
    expect((await server.app.store.returns.byId(stored!._id))?.held).toBe(true);
    // The conversation is told as filing tells it: the message and the card's event, once each.
    expect(await events()).toHaveLength(2);

    // The pair is held: another request for it is refused; the shopper's retry files nothing more.
    expect(await file()).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(ok(await file(key)).request.id).toBe(stored!._id);
    expect(await server.app.store.returns.returned(order())).toEqual(new Map([['l1', 1]]));
    expect(await events()).toHaveLength(2);
  });

  it.skipIf(!storeConfig)('held but not marked: finishing it does not hold the pair a second time', async () => {
    const [first] = await server.app.store.returns.forConversation(conversationId);
    ok(await agentCommand(ann.socket, 'return:decide', { requestId: first!._id, decision: 'reject' }));
    expect(await server.app.store.returns.returned(order())).toEqual(new Map([['l1', 0]]));

    dieOnce('markHeld');
    expect(await file()).toMatchObject({ ok: false });
    const second = (await server.app.store.returns.forConversation(conversationId)).find((r) => r._id !== first!._id)!;
    expect(second.held).toBe(false);
    expect(await server.app.store.returns.returned(order())).toEqual(new Map([['l1', 1]]));

    skew += HOLD_LEASE_MS + 1000;
    expect(await server.app.services.returns.finishFilings()).toBe(1);
    // Held once: had it been reserved again, the order (one bought) could not take it and it would be gone.
    expect(await server.app.store.returns.byId(second._id)).toMatchObject({ held: true, stage: 'requested' });
    expect(await server.app.store.returns.returned(order())).toEqual(new Map([['l1', 1]]));
  });
});
