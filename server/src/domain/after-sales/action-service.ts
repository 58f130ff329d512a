/**
 * After-sales actions, exactly once and on the record.
 *
 * - The idempotency key is the ledger document's `_id`: five parallel sends insert once; the
 *   others read the first and answer its state.
 * - Limits are judged on the server against the order the server reads; the daily total is
 *   reserved in the store (a unique-insert chain, see SpendDoc) before anything runs.
 * - A provider call whose answer is lost leaves the action `unknown`; it is settled by asking
 *   the shop for the key (getAction), at start-up and before any retry, never re-run blindly.
 *   Only when the shop says it never saw the key is it sent again, with the same key.
 * - Each step goes to the append-only audit and, when the shopper should know, into the
 *   conversation as an event (reason and agent name for staff only).
 */
import type { ClientMessageId, ActionLimits, ActionSpec, ActionAllowance, OrderActionEvent, OrderActionOutcome, OrderActionView, SiteId } from '@counter/shared';
import type { afterSales as schemas, z } from '@counter/shared/schemas';
import type { ActionDoc, AgentDoc } from '../../store/documents.js';
import { actorOf, administers, siteScope, supervises } from '../access.js';
import type { ConversationService } from '../conversations.js';
import { derivedUuid, newId } from '../crypto.js';
import type { DomainDeps } from '../deps.js';
import { AppError, forbidden, notFound } from '../errors.js';
import type { OrderService } from '../orders/order-service.js';
import type { OrderProvider, ProviderResult } from '../orders/provider.js';
import { actionView, auditView } from './action-views.js';
import { DEFAULT_LIMITS, judge, limitsOf, plainMoney } from './limits.js';
import { providerRequest } from './provider-request.js';

export interface AfterSalesDeps extends Pick<DomainDeps, 'store' | 'clock' | 'log' | 'onError'> {
  orders: OrderService;
  conversations: ConversationService;
  /** An action `running` for longer than this had its process die under it: settle it. */
  staleRunningMs: number;
  /** Tells the requester and the site's supervisors (the realtime layer). */
  notify: (view: OrderActionView) => void;
  warn: (context: object, message: string) => void;
}

const DAY = 86_400_000;
const RANK = { agent: 0, supervisor: 1, admin: 2, owner: 3 } as const;
const SETTLE = ['unknown', 'running'] as const;

export class AfterSalesService {
  private readonly settledListeners: ((doc: ActionDoc, by: AgentDoc | null) => Promise<void>)[] = [];
  private readonly mutes: ((doc: ActionDoc, status: OrderActionEvent['status']) => Promise<boolean>)[] = [];
  private returnValue: (siteId: SiteId, returnId: string) => Promise<number | null> = async () => null;

  constructor(private readonly deps: AfterSalesDeps) {}

  /** Told when an action ends (done, failed, rejected): the shopper's returns follow their actions. */
  onSettled(listener: (doc: ActionDoc, by: AgentDoc | null) => Promise<void>): void {
    this.settledListeners.push(listener);
  }

  /**
   * Asked before an action's event goes into the conversation: true when another service has
   * told it already (a shopper's own return: its filing event says "Return requested" once).
   */
  muteEvents(mute: (doc: ActionDoc, status: OrderActionEvent['status']) => Promise<boolean>): void {
    this.mutes.push(mute);
  }

  /** The value of a return's lines (a shopper's return request): its refund step is judged on it. */
  valueOfReturns(lookup: (siteId: SiteId, returnId: string) => Promise<number | null>): void {
    this.returnValue = lookup;
  }

  private async settled(doc: ActionDoc, by: AgentDoc | null): Promise<void> {
    for (const listener of this.settledListeners) {
      try {
        await listener(doc, by);
      } catch (err) {
        this.deps.onError(err);
      }
    }
  }

  // ---- limits ------------------------------------------------------------------------

  async limits(siteId: SiteId): Promise<ActionLimits> {
    return (await this.deps.store.afterSales.limits.get(siteId))?.limits ?? DEFAULT_LIMITS;
  }

  async limitsFor(agent: AgentDoc, siteId: SiteId): Promise<{ limits: ActionLimits; allowance: ActionAllowance }> {
    const actor = actorOf(agent);
    if (actor.role !== 'owner' && !actor.siteIds.includes(siteId)) throw notFound();
    const limits = await this.limits(siteId);
    const mine = limitsOf(actor.role, limits);
    const spent = await this.deps.store.afterSales.spend.total(this.counterOf(siteId, agent._id));
    return {
      limits,
      allowance: { role: actor.role, limits: mine, dailyLeft: mine?.dailyTotal == null ? null : Math.max(0, mine.dailyTotal - spent) },
    };
  }

  async setLimits(agent: AgentDoc, siteId: SiteId, limits: ActionLimits): Promise<ActionLimits> {
    if (!administers(actorOf(agent), siteId)) throw forbidden();
    await this.deps.store.afterSales.limits.set({ _id: siteId, limits, updatedAt: this.deps.clock.now(), updatedBy: agent._id });
    return limits;
  }

  // ---- requests ----------------------------------------------------------------------

  /** approvalBecause: a policy outside the limits (a shopper's return worth more than this agent may refund) wants a supervisor. */
  async request(agent: AgentDoc, input: z.output<typeof schemas.orderAction>, opts: { approvalBecause?: string } = {}): Promise<OrderActionView> {
    const { ledger } = this.deps.store.afterSales;
    const existing = await ledger.byKey(input.idempotencyKey);
    if (existing) return actionView(await this.again(agent, existing));

    const actor = actorOf(agent);
    const { order, conversation } = await this.deps.orders.orderForAction(actor, input.conversationId, input.orderId);
    const limits = limitsOf(actor.role, await this.limits(conversation.siteId));
    const spec = input.action;
    const back = spec.kind === 'return_update' && spec.step === 'refund' ? await this.returnValue(conversation.siteId, spec.returnId) : null;
    const judged = judge(limits, spec, order, plainMoney(order.currency), back === null ? null : { value: back });
    const verdict: typeof judged =
      opts.approvalBecause && judged.kind === 'within' ? { kind: 'above', amount: judged.amount, why: opts.approvalBecause, refuse: false } : judged;
    if (verdict.kind === 'not_allowed') throw new AppError('action_not_allowed');
    if (verdict.kind === 'bad_lines') throw new AppError('validation_failed', { message: 'A line is not on this order, or the quantity is more than was ordered.' });
    if (verdict.kind === 'above' && verdict.refuse) throw new AppError('over_limit', { message: `This is ${verdict.why}, and your role may not ask for more.` });
    if (input.action.kind === 'voucher' && !order.customerId) throw new AppError('conflict', { message: 'This order has no customer account to give a voucher to.' });

    const now = this.deps.clock.now();
    const doc: ActionDoc = {
      _id: input.idempotencyKey,
      siteId: conversation.siteId,
      conversationId: conversation._id,
      orderId: order.id,
      orderNumber: order.number,
      orderTotal: order.total,
      currency: order.currency,
      customerId: order.customerId,
      kind: input.action.kind,
      spec: input.action,
      amount: verdict.amount,
      reason: input.reason,
      state: 'requested',
      requestedBy: { id: agent._id, name: agent.name },
      decidedBy: null,
      approvalReason: verdict.kind === 'above' ? verdict.why : null,
      reservedOn: null,
      reference: null,
      message: null,
      runningSince: null,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await ledger.insert(doc))) {
      // Lost the race to the same key: that one runs; answer what it is now.
      const first = await ledger.byKey(input.idempotencyKey);
      if (!first) throw new AppError('conflict');
      return actionView(await this.again(agent, first));
    }
    await this.audit(doc, agent, 'requested', null);

    if (verdict.kind === 'above') return actionView(await this.askApproval(doc, agent, verdict.why));
    const out = verdict.moneyOut;
    if (out !== null && limits?.dailyTotal != null) {
      const counter = this.counterOf(doc.siteId, agent._id);
      if (!(await this.deps.store.afterSales.spend.reserve(counter, out, limits.dailyTotal, doc._id, now))) {
        const why = `above today's total of ${plainMoney(order.currency)(limits.dailyTotal)}`;
        if (limits.aboveLimit === 'refuse') {
          await this.finish(doc, { state: 'failed', message: why }, agent);
          throw new AppError('over_limit', { message: `This is ${why}, and your role may not ask for more.` });
        }
        return actionView(await this.askApproval(doc, agent, why));
      }
      doc.reservedOn = counter;
      await ledger.transition(doc._id, ['requested'], { reservedOn: counter });
    }
    return actionView(await this.run(doc, ['requested'], agent));
  }

  /** The same key again: the same action, from the same person; settled first if its outcome is unknown. */
  private async again(agent: AgentDoc, doc: ActionDoc): Promise<ActionDoc> {
    if (doc.requestedBy.id !== agent._id) throw new AppError('key_reused');
    return this.settleIfUnsure(doc);
  }

  private async askApproval(doc: ActionDoc, agent: AgentDoc, why: string): Promise<ActionDoc> {
    const moved = await this.deps.store.afterSales.ledger.transition(doc._id, ['requested'], {
      state: 'pending_approval',
      approvalReason: why,
      updatedAt: this.deps.clock.now(),
    });
    if (!moved) return (await this.deps.store.afterSales.ledger.byKey(doc._id)) ?? doc;
    await this.audit(moved, agent, 'approval_requested', why);
    await this.post(moved, 'pending_approval', null);
    this.deps.notify(actionView(moved));
    return moved;
  }

  // ---- approvals ---------------------------------------------------------------------

  async approvals(agent: AgentDoc, state: 'pending_approval' | 'all'): Promise<OrderActionView[]> {
    const actor = actorOf(agent);
    const scope = siteScope(actor);
    const sites = scope === null ? null : scope.filter((id) => supervises(actor, id));
    if (sites !== null && sites.length === 0) return [];
    const states = state === 'all' ? (['pending_approval', 'running', 'done', 'failed', 'unknown', 'rejected'] as const) : (['pending_approval'] as const);
    return (await this.deps.store.afterSales.ledger.inStates(states, sites, 200)).map(actionView);
  }

  async decide(agent: AgentDoc, input: z.output<typeof schemas.approvalDecide>): Promise<OrderActionView> {
    const { ledger } = this.deps.store.afterSales;
    const doc = await ledger.byKey(input.idempotencyKey);
    const actor = actorOf(agent);
    if (!doc || !supervises(actor, doc.siteId)) throw notFound();
    if (doc.requestedBy.id === agent._id && actor.role !== 'owner') throw new AppError('forbidden', { message: 'Someone else must approve your own request.' });
    const requester = await this.deps.store.agents.byId(doc.requestedBy.id);
    if (requester && RANK[requester.role] > RANK[actor.role]) throw forbidden();
    // A second click (or a second supervisor) finds it decided: answer what it became.
    if (doc.state !== 'pending_approval') return actionView(await this.settleIfUnsure(doc));
    const decidedBy = { id: agent._id, name: agent.name, decision: input.decision, note: input.note ?? null };
    if (input.decision === 'reject') {
      const rejected = await ledger.transition(doc._id, ['pending_approval'], { state: 'rejected', decidedBy, updatedAt: this.deps.clock.now() });
      if (!rejected) return actionView((await ledger.byKey(doc._id)) ?? doc);
      await this.audit(rejected, agent, 'rejected', input.note ?? null);
      await this.post(rejected, 'rejected', agent.name);
      this.deps.notify(actionView(rejected));
      await this.settled(rejected, agent);
      return actionView(rejected);
    }
    await this.audit(doc, agent, 'approved', input.note ?? null);
    return actionView(await this.run({ ...doc, decidedBy }, ['pending_approval'], agent, decidedBy, this.countApproved(doc)));
  }

  // ---- running and settling ----------------------------------------------------------

  /**
   * Approved money out counts in the requester's day too (with no cap: the supervisor decided),
   * else an agent could pass their daily total through approvals without it ever showing.
   * Returns the counter to record; the amount is added only by the caller that wins the claim.
   */
  private countApproved(doc: ActionDoc): string | null {
    if (doc.kind === 'voucher' || !doc.amount || doc.reservedOn) return null;
    return this.counterOf(doc.siteId, doc.requestedBy.id);
  }

  /** Claims the action (one caller wins the state change) and calls the shop once. */
  private async run(
    doc: ActionDoc,
    from: ActionDoc['state'][],
    by: AgentDoc | null,
    decidedBy?: ActionDoc['decidedBy'],
    countOn: string | null = null,
  ): Promise<ActionDoc> {
    const now = this.deps.clock.now();
    const claimed = await this.deps.store.afterSales.ledger.transition(doc._id, from, {
      state: 'running',
      runningSince: now,
      updatedAt: now,
      ...(decidedBy ? { decidedBy } : {}),
      ...(countOn ? { reservedOn: countOn } : {}),
    });
    if (!claimed) return (await this.deps.store.afterSales.ledger.byKey(doc._id)) ?? doc;
    // Only the winner of the claim counts it, so a double click on Approve counts once.
    if (countOn && claimed.amount) await this.deps.store.afterSales.spend.add(countOn, claimed.amount, claimed._id, now);
    const provider = await this.providerOf(claimed.siteId);
    if (!provider?.act) return this.finish(claimed, { state: 'failed', message: 'The shop\'s order system cannot carry out actions.' }, by);
    const result = await provider.act(providerRequest(claimed));
    return this.record(claimed, result, by);
  }

  private async record(doc: ActionDoc, result: ProviderResult<OrderActionOutcome>, by: AgentDoc | null): Promise<ActionDoc> {
    if (result.kind === 'ok') {
      const o = result.value;
      if (o.status === 'refused') return this.finish(doc, { state: 'failed', message: o.message ?? 'The shop refused.' }, by, o);
      return this.finish(doc, { state: 'done', reference: o.reference, message: o.message }, by, o);
    }
    if (result.kind === 'not_found') return this.finish(doc, { state: 'failed', message: 'The shop does not know this order.' }, by);
    // No answer, or one we cannot read: it may have happened. Ask the shop later, never repeat blindly.
    this.deps.warn({ siteId: doc.siteId, action: doc._id, provider: result.kind, reason: result.reason }, 'order action outcome unknown');
    const unknown = await this.deps.store.afterSales.ledger.transition(doc._id, ['running'], {
      state: 'unknown',
      message: result.reason,
      updatedAt: this.deps.clock.now(),
    });
    if (unknown) {
      await this.audit(unknown, by, 'unknown', result.reason);
      this.deps.notify(actionView(unknown));
    }
    return unknown ?? doc;
  }

  private async finish(
    doc: ActionDoc,
    end: { state: 'done' | 'failed'; reference?: string | null; message?: string | null },
    by: AgentDoc | null,
    outcome?: OrderActionOutcome,
  ): Promise<ActionDoc> {
    const finished = await this.deps.store.afterSales.ledger.transition(doc._id, ['running', 'requested', 'unknown'], {
      state: end.state,
      reference: end.reference ?? null,
      message: end.message ?? null,
      ...(outcome?.amount != null ? { amount: outcome.amount } : {}),
      updatedAt: this.deps.clock.now(),
    });
    if (!finished) return (await this.deps.store.afterSales.ledger.byKey(doc._id)) ?? doc;
    if (end.state === 'failed' && finished.reservedOn && finished.amount) {
      await this.deps.store.afterSales.spend.release(finished.reservedOn, finished.amount, finished._id, this.deps.clock.now());
    }
    await this.audit(finished, by, end.state, end.message ?? null);
    await this.post(finished, end.state === 'failed' ? 'failed' : outcome?.status === 'pending' ? 'pending' : 'done', finished.decidedBy?.name ?? finished.requestedBy.name);
    this.deps.notify(actionView(finished));
    await this.settled(finished, by);
    return finished;
  }

  /**
   * unknown (or running for too long: the process that ran it died): ask the shop what became
   * of the key. Seen: record its first outcome. Never seen: it is safe to send, with the same key.
   */
  async settleIfUnsure(doc: ActionDoc): Promise<ActionDoc> {
    const stale = doc.state === 'running' && (doc.runningSince ?? 0) <= this.deps.clock.now() - this.deps.staleRunningMs;
    if (doc.state !== 'unknown' && !stale) return doc;
    const provider = await this.providerOf(doc.siteId);
    if (!provider?.getAction) return doc;
    const found = await provider.getAction(doc._id, providerRequest(doc));
    if (found.kind === 'ok') return this.record(doc, found, null);
    if (found.kind === 'not_found') return this.run(doc, [...SETTLE], null);
    return doc;
  }

  /** At start-up: settle what a previous process left unfinished. */
  async settleAll(): Promise<number> {
    const open = await this.deps.store.afterSales.ledger.inStates([...SETTLE], null, 1000);
    let settled = 0;
    for (const doc of open) {
      try {
        const after = await this.settleIfUnsure({ ...doc, runningSince: doc.state === 'running' ? 0 : doc.runningSince });
        if (after.state !== doc.state) settled++;
      } catch (err) {
        this.deps.onError(err);
      }
    }
    return settled;
  }

  // ---- audit and the conversation -----------------------------------------------------

  async auditFor(agent: AgentDoc, query: z.output<typeof schemas.actionLedgerQuery>) {
    const actor = actorOf(agent);
    const scope = siteScope(actor);
    const sites = scope === null ? null : scope.filter((id) => supervises(actor, id));
    if (sites !== null && sites.length === 0) return [];
    const entries = await this.deps.store.afterSales.audit.list({
      siteIds: sites,
      limit: query.limit,
      ...(query.agentId ? { agentId: query.agentId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.from !== undefined ? { from: query.from } : {}),
      ...(query.to !== undefined ? { to: query.to } : {}),
    });
    return entries.map(auditView);
  }

  private async audit(doc: ActionDoc, by: AgentDoc | null, event: string, outcome: string | null): Promise<void> {
    await this.deps.store.afterSales.audit.append({
      _id: newId(),
      siteId: doc.siteId,
      agentId: by?._id ?? doc.requestedBy.id,
      agentName: by?.name ?? doc.requestedBy.name,
      action: doc.kind,
      event,
      amount: doc.amount,
      currency: doc.currency,
      orderId: doc.orderId,
      orderNumber: doc.orderNumber,
      conversationId: doc.conversationId,
      idempotencyKey: doc._id,
      reference: doc.reference,
      outcome,
      at: this.deps.clock.now(),
    });
  }

  /** Into the conversation, once per action and status (the client id derives from both). */
  private async post(doc: ActionDoc, status: OrderActionEvent['status'], agentName: string | null): Promise<void> {
    for (const mute of this.mutes) if (await mute(doc, status)) return;
    const conversation = await this.deps.conversations.byId(doc.conversationId);
    if (!conversation) return;
    const spec: ActionSpec = doc.spec;
    const event: OrderActionEvent = {
      type: 'order_action',
      action: doc.kind,
      step: spec.kind === 'return_update' ? spec.step : null,
      status,
      orderNumber: doc.orderNumber,
      amount: doc.amount,
      currency: doc.currency,
      percent: spec.kind === 'voucher' && spec.value.type === 'percent' ? spec.value.percent : null,
      reference: doc.kind === 'voucher' || doc.kind === 'return_request' ? doc.reference : null,
      agentName: agentName ?? doc.requestedBy.name,
      reason: doc.reason,
    };
    await this.deps.log.event(conversation, event, derivedUuid<ClientMessageId>(`${doc._id}:${status}`));
  }

  private counterOf(siteId: SiteId, agentId: string): string {
    return `${siteId}:${agentId}:${Math.floor(this.deps.clock.now() / DAY)}`;
  }

  private async providerOf(siteId: SiteId): Promise<OrderProvider | null> {
    return this.deps.orders.providerFor(siteId);
  }
}

