/**
 * Issue 12: after-sales actions at the wire, against the HTTP contract's reference
 * implementation. Within the limits an action runs at once and the shopper reads its outcome;
 * above them it waits for a supervisor, who approves it, and it runs once; a crafted command
 * cannot bypass a limit; the daily total holds under 20 parallel requests; one key acts once.
 */
import { randomUUID } from 'node:crypto';
import type { ActionLimits, OrderActionView } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/domain/after-sales/limits.js';
import {
  agentCommand,
  MERCHANT_SECRET,
  next,
  ok,
  signIdentity,
  startMerchant,
  startTestServer,
  visitorCommand,
  type AgentSocket,
  type TestServer,
  type VisitorSocket,
} from '../support/index.js';

describe('after-sales actions within limits', () => {
  let server: TestServer;
  let merchant: Awaited<ReturnType<typeof startMerchant>>;
  let admin: Awaited<ReturnType<TestServer['agent']>>;
  let ann: Awaited<ReturnType<TestServer['agent']>>;
  let sue: Awaited<ReturnType<TestServer['agent']>>;
  let shopper: VisitorSocket;
  let conversationId: string;

  beforeAll(async () => {
    merchant = await startMerchant();
    server = await startTestServer({ config: { orderCacheMs: 0, orderProviderTimeoutMs: 2000 } });
    await server.app.store.sites.update(server.site.id, { orderProvider: { kind: 'http', url: merchant.url, secret: MERCHANT_SECRET } });
    admin = await server.agent({ name: 'Ada', role: 'admin', online: false });
    ann = await server.agent({ name: 'Ann', role: 'agent', online: false });
    sue = await server.agent({ name: 'Sue', role: 'supervisor', online: false });
    const mei = await server.visitor();
    shopper = mei.socket;
    ok(await visitorCommand(shopper, 'visitor:identify', { id: 'demo-customer-1', signature: signIdentity('test-identity-secret', 'demo-customer-1') }));
    conversationId = ok(await visitorCommand(shopper, 'conversation:start', {})).conversation.id;
    ok(await visitorCommand(shopper, 'message:send', { conversationId, clientId: randomUUID(), text: 'My shoes came damaged' }));
    ok(await agentCommand(ann.socket, 'conversation:take', { conversationId }));
  });
  afterAll(async () => {
    await server.close();
    await merchant.close();
  });

  const setLimits = async (change: (l: ActionLimits) => void) => {
    const limits = structuredClone(DEFAULT_LIMITS);
    change(limits);
    ok(await agentCommand(admin.socket, 'action-limits:set', { siteId: server.site.id, limits }));
  };
  const act = (socket: AgentSocket, action: Record<string, unknown>, key = randomUUID(), orderId = 'ord_1042', reason = 'Damaged in transit') =>
    agentCommand(socket, 'order:action', { conversationId, orderId, idempotencyKey: key, reason, action } as never);

  it('runs a refund within the limit at once; the shopper reads it without the reason, the agent with it', async () => {
    await setLimits(() => {});
    const shopperSees = next<{ message: { event: Record<string, unknown> | null } }>(shopper as never, 'message:created', (e) => e.message.event?.type === 'order_action');
    const agentSees = next<{ message: { event: Record<string, unknown> | null } }>(ann.socket as never, 'message:created', (e) => e.message.event?.type === 'order_action');
    const before = merchant.actions.executed;
    const { action } = ok(await act(ann.socket, { kind: 'refund', amount: 5000 }));
    expect(action).toMatchObject({ state: 'done', kind: 'refund', amount: 5000, currency: 'USD', orderNumber: '1042', approvalReason: null });
    expect(action.reference).toMatch(/^rf_/);
    expect(merchant.actions.executed).toBe(before + 1);

    const seen = (await shopperSees).message.event!;
    expect(seen).toMatchObject({ type: 'order_action', action: 'refund', status: 'done', amount: 5000, currency: 'USD', orderNumber: '1042' });
    expect(seen).not.toHaveProperty('reason');
    expect(seen).not.toHaveProperty('agentName');
    expect((await agentSees).message.event).toMatchObject({ reason: 'Damaged in transit', agentName: 'Ann' });

    const { entries } = ok(await agentCommand(sue.socket, 'action-audit:list', {}));
    const mine = entries.filter((e) => e.idempotencyKey === action.idempotencyKey).map((e) => e.event);
    expect(mine.sort()).toEqual(['done', 'requested']);
    expect(entries.find((e) => e.event === 'done' && e.idempotencyKey === action.idempotencyKey)).toMatchObject({
      agentName: 'Ann', amount: 5000, orderId: 'ord_1042', conversationId, reference: action.reference,
    });
  });

  it('turns a refund above the limit into an approval; a supervisor approves it live and it runs once', async () => {
    await setLimits((l) => {
      l.agent.maxRefund = 2000;
    });
    const sueHears = next<{ action: OrderActionView }>(sue.socket as never, 'order-action:updated', (e) => e.action.state === 'pending_approval');
    const before = merchant.actions.executed;
    const { action } = ok(await act(ann.socket, { kind: 'refund', amount: 3000 }));
    expect(action).toMatchObject({ state: 'pending_approval', approvalReason: 'above 20.00 USD per refund' });
    expect(merchant.actions.executed).toBe(before);
    expect((await sueHears).action.idempotencyKey).toBe(action.idempotencyKey);

    const queue = ok(await agentCommand(sue.socket, 'approvals:list', {})).actions;
    expect(queue.map((a) => a.idempotencyKey)).toContain(action.idempotencyKey);
    // A plain agent has no queue, and may not approve their own request.
    expect(ok(await agentCommand(ann.socket, 'approvals:list', {})).actions).toEqual([]);
    expect(await agentCommand(ann.socket, 'approval:decide', { idempotencyKey: action.idempotencyKey, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const annHears = next<{ action: OrderActionView }>(ann.socket as never, 'order-action:updated', (e) => e.action.idempotencyKey === action.idempotencyKey && e.action.state === 'done');
    const decide = () => agentCommand(sue.socket, 'approval:decide', { idempotencyKey: action.idempotencyKey, decision: 'approve' });
    // A double click on "approve": both answered, the refund runs once.
    const [a, b] = await Promise.all([decide(), decide()]);
    expect([ok(a).action.state, ok(b).action.state]).toContain('done');
    expect(merchant.actions.executed).toBe(before + 1);
    expect((await annHears).action).toMatchObject({ state: 'done', decidedBy: { name: 'Sue', decision: 'approve' } });
    expect(ok(await agentCommand(sue.socket, 'approvals:list', {})).actions.map((x) => x.idempotencyKey)).not.toContain(action.idempotencyKey);
  });

  it('counts an approved refund in the requesting agent\'s daily total', async () => {
    await setLimits((l) => {
      l.agent.maxRefund = 2000;
      l.agent.dailyTotal = 100_000;
    });
    const before = ok(await agentCommand(ann.socket, 'action-limits:get', { siteId: server.site.id })).allowance.dailyLeft!;
    const { action } = ok(await act(ann.socket, { kind: 'refund', amount: 3000 }));
    expect(action.state).toBe('pending_approval');
    const decide = () => agentCommand(sue.socket, 'approval:decide', { idempotencyKey: action.idempotencyKey, decision: 'approve' });
    // Two clicks on Approve count it once.
    await Promise.all([decide(), decide()]);
    const after = ok(await agentCommand(ann.socket, 'action-limits:get', { siteId: server.site.id })).allowance.dailyLeft!;
    expect(before - after).toBe(3000);
  });

  it('refuses a crafted command for an action the role may not take, or above a limit the site will not approve', async () => {
    await setLimits((l) => {
      l.agent.allowed = ['return_request'];
    });
    const before = merchant.actions.executed;
    expect(await act(ann.socket, { kind: 'refund', amount: 100 })).toMatchObject({ ok: false, error: { code: 'action_not_allowed' } });
    await setLimits((l) => {
      l.agent.maxVoucher = 500;
      l.agent.aboveLimit = 'refuse';
    });
    const refused = await act(ann.socket, { kind: 'voucher', value: { type: 'fixed', amount: 5000 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'over_limit' } });
    expect(!refused.ok && refused.error.message).toMatch(/above 5\.00 USD per voucher/);
    // Percentages are limited too, by the share of the order.
    await setLimits((l) => {
      l.agent.maxRefundPercent = 10;
      l.agent.aboveLimit = 'refuse';
    });
    expect(await act(ann.socket, { kind: 'refund', amount: 2000 })).toMatchObject({ ok: false, error: { code: 'over_limit' } });
    // Lines that are not on the order are refused, not refunded.
    await setLimits(() => {});
    expect(await act(ann.socket, { kind: 'refund', lines: [{ lineId: 'nope', quantity: 1 }] })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(merchant.actions.executed).toBe(before);
  });

  it('holds the daily total under 20 parallel refunds', async () => {
    await setLimits((l) => {
      l.agent.maxRefund = null;
      l.agent.maxRefundPercent = null;
      l.agent.dailyTotal = 1000;
    });
    // A fresh agent: today's total starts at 0.
    const pat = await server.agent({ name: 'Pat', role: 'agent', online: false });
    const otherShopper = await server.visitor();
    ok(await visitorCommand(otherShopper.socket, 'visitor:identify', { id: 'demo-customer-2', signature: signIdentity('test-identity-secret', 'demo-customer-2') }));
    const alexConversation = ok(await visitorCommand(otherShopper.socket, 'conversation:start', {})).conversation.id;
    ok(await visitorCommand(otherShopper.socket, 'message:send', { conversationId: alexConversation, clientId: randomUUID(), text: 'Refund please' }));
    ok(await agentCommand(pat.socket, 'conversation:take', { conversationId: alexConversation }));
    const before = merchant.actions.executed;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        agentCommand(pat.socket, 'order:action', {
          conversationId: alexConversation,
          orderId: 'ord_2003',
          idempotencyKey: randomUUID(),
          reason: 'Goodwill',
          action: { kind: 'refund', amount: 100 },
        } as never),
      ),
    );
    const states = results.map((r) => ok(r).action.state);
    expect(states.filter((s) => s === 'done')).toHaveLength(10);
    expect(states.filter((s) => s === 'pending_approval')).toHaveLength(10);
    expect(merchant.actions.executed).toBe(before + 10);
    const { allowance } = ok(await agentCommand(pat.socket, 'action-limits:get', { siteId: server.site.id }));
    expect(allowance.dailyLeft).toBe(0);
  });

  it('acts once for the same key sent 5 times in parallel', async () => {
    await setLimits(() => {});
    const key = randomUUID();
    const before = merchant.actions.executed;
    const results = await Promise.all(Array.from({ length: 5 }, () => act(ann.socket, { kind: 'voucher', value: { type: 'percent', percent: 10 } }, key)));
    for (const r of results) expect(ok(r).action.idempotencyKey).toBe(key);
    expect(merchant.actions.executed).toBe(before + 1);
    // A later retry answers the outcome, with the code the shopper needs.
    const again = ok(await act(ann.socket, { kind: 'voucher', value: { type: 'percent', percent: 10 } }, key)).action;
    expect(again).toMatchObject({ state: 'done', kind: 'voucher' });
    expect(again.reference).toMatch(/^CTR-/);
    expect(merchant.actions.executed).toBe(before + 1);
    // Somebody else's key is not theirs to replay.
    expect(await act(sue.socket, { kind: 'voucher', value: { type: 'percent', percent: 10 } }, key)).toMatchObject({ ok: false, error: { code: 'key_reused' } });
  });
});
