/**
 * The shopper's return requests (issue 12 item 4).
 *
 * - Filing is checked before anything is written (the order is the shopper's and delivered,
 *   the reason is in the site's list, the photos are theirs in this conversation) and the
 *   quantities are reserved per order in the store (a unique-insert chain), so two requests
 *   cannot return more than was bought. The request id derives from the visitor and their key:
 *   a retry files once.
 * - A person decides: the filing is a message (it brings an agent in, like any message) and an
 *   order_action event the console draws as a card. Approving runs the existing after-sales
 *   machinery (limits, approvals, ledger, audit); a return worth more than the agent may refund
 *   goes to a supervisor. Each action that ends moves the request's timeline (onSettled).
 * - A quality problem carries a due time set here from the server's clock.
 */
import type { ClientMessageId, ConversationId, OrderActionEvent, ReturnPolicy, ReturnRequestView, ReturnStage, SiteId } from '@counter/shared';
import type { returns as schemas, z } from '@counter/shared/schemas';
import type { ActionDoc, AgentDoc, ReturnRequestDoc, VisitorDoc } from '../../store/documents.js';
import { actorOf, administers } from '../access.js';
import type { AfterSalesService } from '../after-sales/action-service.js';
import { judge, limitsOf, plainMoney } from '../after-sales/limits.js';
import { valueOf } from '../after-sales/money.js';
import type { ConversationService } from '../conversations.js';
import { derivedUuid } from '../crypto.js';
import type { DomainDeps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { OrderService } from '../orders/order-service.js';
import { DEFAULT_RETURN_POLICY } from './default-policy.js';
import { returnView } from './return-views.js';

export interface ReturnDeps extends Pick<DomainDeps, 'store' | 'clock' | 'log' | 'events'> {
  orders: OrderService;
  conversations: ConversationService;
  afterSales: AfterSalesService;
}

const HOUR = 3_600_000;
/**
 * How long the call that files a request owns it before start-up or housekeeping may finish
 * its hold: far longer than the two writes take, short enough that a retry soon finds it done.
 */
export const HOLD_LEASE_MS = 30_000;
/** What each step of the shop's return moves the request to, and from where. */
const STEP_TO: Record<string, { to: ReturnStage; from: ReturnStage[] }> = {
  approve: { to: 'approved', from: ['requested', 'pending_approval'] },
  reject: { to: 'rejected', from: ['requested', 'pending_approval'] },
  received: { to: 'received', from: ['approved'] },
  refund: { to: 'refunded', from: ['approved', 'received'] },
};

const bad = (message: string) => new AppError('validation_failed', { message });

export class ReturnService {
  constructor(private readonly deps: ReturnDeps) {
    deps.afterSales.onSettled((doc, by) => this.follow(doc, by));
    // The shop answers a filing `pending`: for a shopper's own request that would say "Return
    // requested" a second time under the filing's event, which already says it (and draws the card).
    // A shopper's return's refund step is judged on the value of what comes back, not the whole order.
    deps.afterSales.valueOfReturns(async (siteId, returnId) => {
      const doc = await deps.store.returns.byReturnId(siteId, returnId);
      return doc ? doc.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0) : null;
    });
    deps.afterSales.muteEvents(async (action, status) => action.kind === 'return_request' && status === 'pending' && (await deps.store.returns.byActionKey(action._id)) !== null);
  }

  async policy(siteId: SiteId): Promise<ReturnPolicy> {
    return (await this.deps.store.returns.policy(siteId))?.policy ?? DEFAULT_RETURN_POLICY;
  }

  async policyFor(agent: AgentDoc, siteId: SiteId): Promise<ReturnPolicy> {
    const actor = actorOf(agent);
    if (actor.role !== 'owner' && !actor.siteIds.includes(siteId)) throw notFound();
    return this.policy(siteId);
  }

  async setPolicy(agent: AgentDoc, siteId: SiteId, policy: ReturnPolicy): Promise<ReturnPolicy> {
    if (!administers(actorOf(agent), siteId)) throw forbidden();
    if (new Set(policy.reasons.map((r) => r.id)).size !== policy.reasons.length) throw bad('Two reasons have the same id.');
    await this.deps.store.returns.setPolicy({ _id: siteId, policy, updatedAt: this.deps.clock.now() });
    return policy;
  }

  // ---- the shopper ---------------------------------------------------------------------

  async file(visitor: VisitorDoc, input: z.output<typeof schemas.returnFile>): Promise<ReturnRequestView> {
    const { returns } = this.deps.store;
    const id = derivedUuid(`return:${visitor._id}:${input.key}`);
    const existing = await returns.byId(id);
    // A retry after a process died mid-filing finishes it (once the dead call's lease is over).
    if (existing) return returnView((existing.held === false && (await this.finishFiling(existing))) || existing);

    const conversation = await this.deps.conversations.forVisitor(visitor, input.conversationId);
    const order = await this.deps.orders.orderForShopper(visitor, input.orderId);
    if (order.status !== 'delivered') throw bad('Only a delivered order can be returned.');
    const reason = (await this.policy(visitor.siteId)).reasons.find((r) => r.id === input.reasonId);
    if (!reason) throw bad('That reason is not one this shop lists.');
    const lines = input.lines.map(({ lineId, quantity }) => {
      const line = order.lines.find((l) => l.id === lineId);
      if (!line || quantity > line.quantity) throw bad('A line is not on this order, or the quantity is more than was bought.');
      return { lineId, title: line.title, quantity, unitPrice: line.unitPrice };
    });
    if (new Set(lines.map((l) => l.lineId)).size !== lines.length) throw bad('A line is listed twice.');
    for (const attachmentId of input.attachmentIds) {
      const file = await this.deps.store.attachments.byId(attachmentId);
      if (!file || file.conversationId !== conversation._id || file.uploaderKind !== 'visitor' || file.uploaderId !== visitor._id) {
        throw bad('A photo is not one you uploaded in this conversation.');
      }
    }

    const now = this.deps.clock.now();
    const bought = new Map(order.lines.map((l) => [l.id, l.quantity]));
    const wanted = input.lines.map(({ lineId, quantity }) => ({ lineId, quantity }));
    const doc: ReturnRequestDoc = {
      _id: id,
      siteId: visitor.siteId,
      visitorId: visitor._id,
      customerId: visitor.verified ? visitor.externalId : null,
      conversationId: conversation._id,
      orderId: order.id,
      orderNumber: order.number,
      currency: order.currency,
      lines,
      reason,
      note: input.note?.trim() || null,
      attachmentIds: [...input.attachmentIds],
      stage: 'requested',
      steps: [{ stage: 'requested', at: now }],
      dueAt: reason.quality ? now + (await this.policy(visitor.siteId)).qualityReplyHours * HOUR : null,
      returnId: null,
      createdAt: now,
      actionKey: derivedUuid(`${id}:file`),
      approveKey: derivedUuid(`${id}:approve`),
      held: false,
      holdUntil: now + HOLD_LEASE_MS,
      bought: [...bought].map(([lineId, quantity]) => ({ lineId, quantity })),
    };
    // The key first (the same key racing in reads this one), then the quantities: a request
    // the order cannot take is removed again, so bad input leaves nothing behind. A process
    // that dies between the two leaves `held: false`, which start-up and housekeeping finish
    // (finishFiling): holding what is still free, or removing a request that no longer fits.
    if (!(await returns.insert(doc))) {
      const first = await returns.byId(id);
      if (!first) throw new AppError('conflict');
      return returnView(first);
    }
    if (!(await this.hold(doc, wanted))) throw bad('That is more than was bought, counting earlier returns.');
    await this.announce(visitor, doc);
    return this.told({ ...doc, held: true })!;
  }

  /** Holds the request's quantities on its order once (an entry already written for it counts), then marks it held; false: removed, it no longer fits. */
  private async hold(doc: ReturnRequestDoc, wanted = doc.lines.map(({ lineId, quantity }) => ({ lineId, quantity }))): Promise<boolean> {
    const { returns } = this.deps.store;
    const orderKey = `${doc.siteId}:${doc.orderId}`;
    const bought = new Map((doc.bought ?? []).map((l) => [l.lineId, l.quantity]));
    if (!(await returns.holds(orderKey, doc._id)) && !(await returns.reserveLines(orderKey, wanted, bought, doc._id, this.deps.clock.now()))) {
      await returns.remove(doc._id);
      return false;
    }
    await returns.markHeld(doc._id);
    return true;
  }

  /**
   * A request whose filing call died between storing it and holding its quantities: take it
   * over (one caller wins), hold what it asked for, and tell the conversation as filing does
   * (the message and event ids derive from the request: nothing is posted twice).
   */
  private async finishFiling(doc: ReturnRequestDoc): Promise<ReturnRequestDoc | null> {
    const now = this.deps.clock.now();
    const mine = await this.deps.store.returns.claimUnheld(doc._id, now, now + HOLD_LEASE_MS);
    if (!mine || !(await this.hold(mine))) return null;
    const visitor = await this.deps.store.visitors.byId(mine.visitorId);
    if (visitor) await this.announce(visitor, mine);
    this.told({ ...mine, held: true });
    return { ...mine, held: true };
  }

  /** At start-up and in housekeeping: finish every filing a dead process left half done. */
  async finishFilings(): Promise<number> {
    let finished = 0;
    for (const doc of await this.deps.store.returns.unheld(this.deps.clock.now(), 500)) {
      if (await this.finishFiling(doc)) finished++;
    }
    return finished;
  }

  /** Across devices: a verified customer's requests under any of their visitor ids, else this visitor's. */
  async mine(visitor: VisitorDoc): Promise<ReturnRequestView[]> {
    const customerId = visitor.verified ? visitor.externalId : null;
    return (await this.deps.store.returns.forVisitor(visitor.siteId, visitor._id, customerId)).map(returnView);
  }

  // ---- agents ------------------------------------------------------------------------

  async forConversation(agent: AgentDoc, conversationId: ConversationId): Promise<ReturnRequestView[]> {
    await this.deps.conversations.forAgent(actorOf(agent), conversationId);
    return (await this.deps.store.returns.forConversation(conversationId)).map(returnView);
  }

  async decide(agent: AgentDoc, input: z.output<(typeof schemas.returnsAgentSchemas)['return:decide']>): Promise<ReturnRequestView> {
    const { returns } = this.deps.store;
    const doc = await returns.byId(input.requestId);
    if (!doc) throw notFound();
    const actor = actorOf(agent);
    // The same check as for acting on the order: the conversation's agents, its shopper's order.
    const { order } = await this.deps.orders.orderForAction(actor, doc.conversationId, doc.orderId);
    if (doc.stage !== 'requested') return returnView(doc);
    if (input.decision === 'reject') {
      const rejected = await this.reject(doc);
      if (rejected) await this.postEvent(rejected, 'rejected');
      return returnView(rejected ?? (await returns.byId(doc._id)) ?? doc);
    }
    // The policy: a return worth more than this person may refund per action is for a supervisor
    // to approve. The goods come back, so the share-of-the-order cap does not apply (a whole-order
    // return is 100 % of it: with the default 50 % every such return went to approvals).
    const limits = limitsOf(actor.role, (await this.deps.afterSales.limitsFor(agent, doc.siteId)).limits);
    const worth = { kind: 'refund' as const, lines: doc.lines.map(({ lineId, quantity }) => ({ lineId, quantity })) };
    const verdict = judge(limits, worth, order, plainMoney(order.currency), { value: valueOf(order, worth.lines) ?? 0 });
    const approvalBecause = verdict.kind === 'above' ? `a return worth ${plainMoney(order.currency)(valueOf(order, worth.lines) ?? 0)}, ${verdict.why}` : undefined;
    const action = await this.deps.afterSales.request(
      agent,
      {
        conversationId: doc.conversationId,
        orderId: doc.orderId,
        idempotencyKey: doc.actionKey,
        reason: `Shopper's return: ${doc.reason.label.en}${doc.note ? ` (${doc.note})` : ''}`,
        action: { kind: 'return_request', lines: worth.lines, attachmentIds: doc.attachmentIds },
      },
      approvalBecause ? { approvalBecause } : {},
    );
    if (action.state === 'pending_approval') this.told(await returns.advance(doc._id, ['requested'], { stage: 'pending_approval' }, { stage: 'pending_approval', at: this.deps.clock.now() }));
    return returnView((await returns.byId(doc._id)) ?? doc);
  }

  // ---- following the actions -----------------------------------------------------------

  /** An action ended: move the request it belongs to along its timeline. */
  private async follow(action: ActionDoc, by: AgentDoc | null): Promise<void> {
    const { returns } = this.deps.store;
    const now = this.deps.clock.now();
    if (action.kind === 'return_request') {
      const doc = await returns.byActionKey(action._id);
      if (!doc) return;
      if (action.state === 'rejected') {
        await this.reject(doc);
        return;
      }
      if (action.state !== 'done' || !action.reference) return;
      this.told(await returns.advance(doc._id, ['requested', 'pending_approval'], { returnId: action.reference }, null));
      // Filed with the shop by whoever approved it; approving it there is the same decision.
      if (by) {
        await this.deps.afterSales.request(by, {
          conversationId: doc.conversationId,
          orderId: doc.orderId,
          idempotencyKey: doc.approveKey,
          reason: `Shopper's return: ${doc.reason.label.en}`,
          action: { kind: 'return_update', returnId: action.reference, step: 'approve' },
        });
      }
      return;
    }
    if (action.kind !== 'return_update' || action.spec.kind !== 'return_update' || action.state !== 'done') return;
    const doc = await returns.byReturnId(action.siteId, action.spec.returnId);
    const move = STEP_TO[action.spec.step];
    if (!doc || !move) return;
    if (move.to === 'rejected') {
      await this.reject(doc);
      return;
    }
    this.told(await returns.advance(doc._id, move.from, { stage: move.to }, { stage: move.to, at: now }));
  }

  /** Ends a request and gives its quantities back to the order. */
  private async reject(doc: ReturnRequestDoc): Promise<ReturnRequestDoc | null> {
    const now = this.deps.clock.now();
    const rejected = await this.deps.store.returns.advance(doc._id, ['requested', 'pending_approval'], { stage: 'rejected' }, { stage: 'rejected', at: now });
    // A request whose filing died before its hold has nothing to give back.
    if (rejected && doc.held !== false) {
      const back = doc.lines.map(({ lineId, quantity }) => ({ lineId, quantity: -quantity }));
      await this.deps.store.returns.reserveLines(`${doc.siteId}:${doc.orderId}`, back, null, doc._id, now);
    }
    this.told(rejected);
    return rejected;
  }

  /** The request moved: the conversation's agents' cards follow it live (any agent's decision, the shopper's filing). */
  private told(doc: ReturnRequestDoc | null): ReturnRequestView | null {
    if (!doc) return null;
    const request = returnView(doc);
    this.deps.events.publish({ type: 'return.updated', request });
    return request;
  }

  /** Into the conversation: a message (it brings an agent in, as any message does) and the card's event. */
  private async announce(visitor: VisitorDoc, doc: ReturnRequestDoc): Promise<void> {
    const zh = visitor.locale === 'zh';
    const label = (zh && doc.reason.label.zh) || doc.reason.label.en;
    const text = zh ? `退货申请：订单 #${doc.orderNumber}，${label}` : `Return request: order #${doc.orderNumber}, ${label}`;
    await this.deps.conversations.sendAsVisitor(visitor, { conversationId: doc.conversationId, clientId: derivedUuid<ClientMessageId>(`${doc._id}:message`), text });
    await this.postEvent(doc, 'pending');
  }

  private async postEvent(doc: ReturnRequestDoc, status: OrderActionEvent['status']): Promise<void> {
    const conversation = await this.deps.conversations.byId(doc.conversationId);
    if (!conversation) return;
    const event: OrderActionEvent = {
      type: 'order_action',
      action: 'return_request',
      step: null,
      status,
      orderNumber: doc.orderNumber,
      amount: null,
      currency: doc.currency,
      percent: null,
      reference: null,
      // Only on the filing: the card that shows where it stands is drawn once.
      ...(status === 'pending' ? { returnRequestId: doc._id } : {}),
    };
    await this.deps.log.event(conversation, event, derivedUuid<ClientMessageId>(`${doc._id}:${status}`));
  }
}
