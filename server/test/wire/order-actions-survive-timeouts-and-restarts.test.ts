/**
 * Issue 12: exactly once when the answer is lost. A shop that carries out a refund but answers
 * after the timeout leaves the action "unknown"; the retry asks the shop for the key and
 * records the first outcome instead of refunding twice. A server that dies between the
 * shop's answer and its record settles the action at its next start, the same way.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OrderActionRequest } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceActions } from '../../src/http/reference-actions.js';
import { HttpOrderProvider } from '../../src/orders/http-provider.js';
import {
  agentCommand,
  eventually,
  MERCHANT_SECRET,
  ok,
  signIdentity,
  startMerchant,
  startTestServer,
  visitorCommand,
  type TestServer,
} from '../support/index.js';

describe('order actions survive timeouts and restarts', () => {
  const actions = new ReferenceActions();
  /** Requests whose answer the shop holds back until released (the shop acted already). */
  const held = new Map<string, () => void>();
  let merchant: Awaited<ReturnType<typeof startMerchant>>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'counter-actions-'));
    merchant = await startMerchant(MERCHANT_SECRET, {
      actions,
      beforeAnswer: (request: OrderActionRequest) =>
        request.reason === 'slow shop' ? new Promise<void>((resolve) => held.set(request.idempotencyKey, resolve)) : Promise.resolve(),
    });
  });
  afterAll(async () => {
    for (const release of held.values()) release();
    await merchant.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function serveMei(server: TestServer) {
    await server.app.store.sites.update(server.site.id, { orderProvider: { kind: 'http', url: merchant.url, secret: MERCHANT_SECRET } });
    const agent = await server.agent({ name: 'Ann', role: 'supervisor', online: false });
    const mei = await server.visitor();
    ok(await visitorCommand(mei.socket, 'visitor:identify', { id: 'demo-customer-1', signature: signIdentity('test-identity-secret', 'demo-customer-1') }));
    const conversationId = ok(await visitorCommand(mei.socket, 'conversation:start', {})).conversation.id;
    ok(await visitorCommand(mei.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Refund?' }));
    return { agent, conversationId };
  }

  it('records a timed-out refund as unknown, and the retry settles it without refunding twice', async () => {
    const server = await startTestServer({ dataDir, config: { orderCacheMs: 0, orderProviderTimeoutMs: 500 } });
    try {
      const { agent, conversationId } = await serveMei(server);
      const key = randomUUID();
      const send = () =>
        agentCommand(agent.socket, 'order:action', { conversationId, orderId: 'ord_1042', idempotencyKey: key, reason: 'slow shop', action: { kind: 'refund', amount: 700 } });
      const before = actions.executed;
      const first = ok(await send()).action;
      expect(first.state).toBe('unknown');
      expect(actions.executed).toBe(before + 1);
      held.get(key)!();

      const retried = ok(await send()).action;
      expect(retried).toMatchObject({ state: 'done', amount: 700 });
      expect(retried.reference).toMatch(/^rf_/);
      expect(actions.executed).toBe(before + 1);
      expect(actions.lookup(key)).toMatchObject({ amount: 700 });
    } finally {
      await server.close();
    }
  });

  it('settles at start-up an action whose answer was never recorded (the process died), without running it again', async () => {
    let server = await startTestServer({ dataDir, config: { orderCacheMs: 0 } });
    const key = randomUUID();
    const before = actions.executed;
    try {
      const { agent, conversationId } = await serveMei(server);
      // What a crash leaves: the ledger says running, the shop has acted.
      const provider = new HttpOrderProvider({ url: merchant.url, secret: MERCHANT_SECRET, timeoutMs: 2000 });
      expect(await provider.act({ kind: 'refund', idempotencyKey: key, orderId: 'ord_1042', amount: 300, reason: 'Crash test' })).toMatchObject({ kind: 'ok' });
      const now = Date.now();
      await server.app.store.afterSales.ledger.insert({
        _id: key, siteId: server.site.id, conversationId: conversationId as never, orderId: 'ord_1042', orderNumber: '1042', orderTotal: 15350,
        currency: 'USD', customerId: 'demo-customer-1', kind: 'refund', spec: { kind: 'refund', amount: 300 }, amount: 300, reason: 'Crash test',
        state: 'running', requestedBy: { id: agent.agentId as never, name: 'Ann' }, decidedBy: null, approvalReason: null, reservedOn: null,
        reference: null, message: null, runningSince: now, createdAt: now, updatedAt: now,
      });
    } finally {
      await server.close();
    }
    server = await startTestServer({ dataDir, config: { orderCacheMs: 0 } });
    try {
      const settled = await eventually(() => server.app.store.afterSales.ledger.byKey(key), (d) => d?.state === 'done', 'the action settled');
      expect(settled).toMatchObject({ state: 'done', amount: 300 });
      expect(settled!.reference).toMatch(/^rf_/);
      expect(actions.executed).toBe(before + 1);
    } finally {
      await server.close();
    }
  });
});
