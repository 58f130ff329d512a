/**
 * Orders in the chat, for both audiences. Every read goes to the site's provider (through its
 * short cache) and is checked here against who asks:
 * - a shopper sees an order only when it is theirs by signed identity (customer id) or they
 *   proved it as a guest (number + email, recorded as a grant); anything else is "not found",
 *   the same answer as for an order that does not exist;
 * - an agent sees the orders of the shopper of a conversation they may see, and an order only
 *   when it belongs to that shopper (or the shopper sent it as a card after a guest lookup).
 */
import type {
  AgentOrder,
  ConversationId,
  CustomerOrders,
  Order,
  OrderSummary,
  OrdersState,
  RevealAuditEntry,
  ShopperOrder,
  VisitorMessage,
} from '@counter/shared';
import type { orders as schemas, z } from '@counter/shared/schemas';
import type { AgentDoc, ConversationDoc, SiteDoc, VisitorDoc } from '../../store/documents.js';
import { actorOf, administers, siteScope, type Actor } from '../access.js';
import type { ConversationService } from '../conversations.js';
import { newId, sha256 } from '../crypto.js';
import type { DomainDeps } from '../deps.js';
import { AppError, notFound } from '../errors.js';
import type { SiteService } from '../sites.js';
import { visitorMessageView } from '../views.js';
import { agentCustomerView, agentOrderView, orderCardView, shopperOrderView } from './order-views.js';
import type { OrderProvider, ProviderResult } from './provider.js';
import type { ProviderRegistry } from './provider-registry.js';

export interface OrderPolicy {
  /** Failed guest lookups per visitor and per email address within the window. */
  lookupsPerWindow: number;
  lookupWindowMs: number;
  /** Orders listed per customer. */
  listLimit: number;
}

export interface OrderDeps extends Pick<DomainDeps, 'store' | 'clock' | 'onError'> {
  providers: ProviderRegistry;
  conversations: ConversationService;
  sites: SiteService;
  policy: OrderPolicy;
  /** Provider failures are logged once here with the site, never shown raw to a shopper. */
  warn: (context: object, message: string) => void;
}

const unavailable = () => new AppError('orders_unavailable');
const NO_MATCH = 'No order matches that number and email.';

export class OrderService {
  constructor(private readonly deps: OrderDeps) {}

  // ---- shoppers ------------------------------------------------------------------------

  /** A verified shopper's recent orders; an anonymous one has none to show ("no_customer"). */
  async mine(visitor: VisitorDoc): Promise<OrdersState<OrderSummary[]>> {
    const provider = await this.providerOf(visitor.siteId);
    if (!provider) return { state: 'not_configured' };
    if (!visitor.verified || !visitor.externalId) return { state: 'no_customer' };
    return this.state(visitor.siteId, await provider.listOrders(visitor.externalId, this.deps.policy.listLimit), (v) => v);
  }

  async getForShopper(visitor: VisitorDoc, orderId: string): Promise<ShopperOrder> {
    return shopperOrderView(await this.ownedBy(visitor, orderId));
  }

  /**
   * Guest lookup. Failures count per visitor and per address (hashed) whether the order was
   * missing or the email wrong; the provider compares in constant time and both give the
   * same error here. Past the limit every attempt is refused, right or wrong.
   */
  async lookup(visitor: VisitorDoc, input: z.output<typeof schemas.orderLookup>): Promise<ShopperOrder> {
    const provider = await this.providerOf(visitor.siteId);
    if (!provider) throw unavailable();
    const { throttles } = this.deps.store;
    const now = this.deps.clock.now();
    const { lookupsPerWindow, lookupWindowMs } = this.deps.policy;
    const keys = [`order-lookup:visitor:${visitor._id}`, `order-lookup:email:${sha256(input.email.trim().toLowerCase())}`];
    const counts = await Promise.all(keys.map((key) => throttles.failures(key, now, lookupWindowMs)));
    if (counts.some((n) => n >= lookupsPerWindow)) {
      throw new AppError('too_many_attempts', { retryAfter: Math.ceil(lookupWindowMs / 1000) });
    }
    const result = await provider.verifyGuest(input.number, input.email);
    if (result.kind === 'ok') {
      await this.deps.store.orderAccess.grant({
        _id: `${visitor._id}:${result.value.id}`,
        siteId: visitor.siteId,
        visitorId: visitor._id,
        orderId: result.value.id,
        at: now,
      });
      return shopperOrderView(result.value);
    }
    if (result.kind === 'not_found') {
      await Promise.all(keys.map((key) => throttles.fail(key, now, lookupWindowMs)));
      throw new AppError('not_found', { message: NO_MATCH });
    }
    this.report(visitor.siteId, result);
    throw unavailable();
  }

  /** The shopper sends one of their orders into the conversation as a card. */
  async sendCard(
    visitor: VisitorDoc,
    input: z.output<typeof schemas.orderCardSend>,
  ): Promise<{ message: VisitorMessage; conversation: ConversationDoc }> {
    const order = await this.ownedBy(visitor, input.orderId);
    const card = orderCardView(order);
    const sent = await this.deps.conversations.sendAsVisitor(
      visitor,
      // The card's one-line text, for the conversation preview and any client that draws no card.
      { conversationId: input.conversationId, clientId: input.clientId, text: `${visitor.locale === 'zh' ? '订单' : 'Order'} #${order.number}` },
      { card },
    );
    return { message: visitorMessageView(sent.message), conversation: sent.conversation };
  }

  private async ownedBy(visitor: VisitorDoc, orderId: string): Promise<Order> {
    const { order } = await this.fetchOrder(visitor.siteId, orderId);
    const byIdentity = visitor.verified && visitor.externalId !== null && order.customerId === visitor.externalId;
    if (byIdentity || (await this.deps.store.orderAccess.granted(visitor._id, order.id))) return order;
    // Someone else's order answers exactly as a missing one.
    throw notFound();
  }

  // ---- agents --------------------------------------------------------------------------

  async listForAgent(agent: AgentDoc, conversationId: ConversationId): Promise<OrdersState<CustomerOrders>> {
    const { conversation, visitor } = await this.conversationOf(actorOf(agent), conversationId);
    const provider = await this.providerOf(conversation.siteId);
    if (!provider) return { state: 'not_configured' };
    const verified = visitor.verified && visitor.externalId !== null;
    const email = visitor.email ?? conversation.contactEmail;
    if (!verified && !email) return { state: 'no_customer' };
    const found = await provider.findCustomer(verified ? { customerId: visitor.externalId! } : { email: email! });
    if (found.kind === 'not_found') return { state: 'no_customer' };
    if (found.kind !== 'ok') return this.state(conversation.siteId, found, () => null as never);
    const listed = await provider.listOrders(found.value.id, this.deps.policy.listLimit);
    return this.state(conversation.siteId, listed, (orders) => ({
      customer: agentCustomerView(found.value),
      matchedBy: verified ? ('verified_id' as const) : ('email' as const),
      orders,
    }), found.fetchedAt);
  }

  async getForAgent(agent: AgentDoc, conversationId: ConversationId, orderId: string): Promise<{ order: AgentOrder; cacheAgeMs: number }> {
    const { order, fetchedAt } = await this.orderOfConversation(actorOf(agent), conversationId, orderId);
    return { order: agentOrderView(order), cacheAgeMs: Math.max(0, this.deps.clock.now() - fetchedAt) };
  }

  /** The unmasked address and phone; recorded before they are returned. */
  async reveal(agent: AgentDoc, conversationId: ConversationId, orderId: string) {
    const { order, conversation } = await this.orderOfConversation(actorOf(agent), conversationId, orderId);
    await this.deps.store.audit.append({
      _id: newId(),
      siteId: conversation.siteId,
      agentId: agent._id,
      agentName: agent.name,
      action: 'reveal',
      field: 'address_and_phone',
      orderId: order.id,
      conversationId: conversation._id,
      at: this.deps.clock.now(),
    });
    return { address: order.shippingAddress, phone: order.shippingAddress?.phone ?? null };
  }

  /** The reveal log of the sites the admin administers (the owner: all). */
  async listFor(actor: Actor): Promise<RevealAuditEntry[]> {
    const scope = siteScope(actor);
    const sites = scope === null ? null : scope.filter((id) => administers(actor, id));
    const entries = await this.deps.store.audit.list(sites, 500);
    return entries.map(({ _id, action: _a, ...rest }) => ({ id: _id, ...rest }));
  }

  // ---- after-sales (issue 12) ----------------------------------------------------------

  /** The order an agent acts on, checked exactly as for reading it: their conversation's shopper's. */
  async orderForAction(actor: Actor, conversationId: ConversationId, orderId: string) {
    const { order, conversation } = await this.orderOfConversation(actor, conversationId, orderId);
    return { order, conversation };
  }

  /** The whole order a shopper owns (their return request reads its lines); someone else's is not_found. */
  orderForShopper(visitor: VisitorDoc, orderId: string): Promise<Order> {
    return this.ownedBy(visitor, orderId);
  }

  /** The site's provider (cached reads; actions pass through), null when none is set. */
  providerFor(siteId: SiteDoc['_id']): Promise<OrderProvider | null> {
    return this.providerOf(siteId);
  }

  private async conversationOf(actor: Actor, conversationId: ConversationId) {
    const conversation = await this.deps.conversations.forAgent(actor, conversationId);
    const visitor = await this.deps.store.visitors.byId(conversation.visitorId);
    if (!visitor) throw notFound();
    return { conversation, visitor };
  }

  private async orderOfConversation(actor: Actor, conversationId: ConversationId, orderId: string) {
    const { conversation, visitor } = await this.conversationOf(actor, conversationId);
    const { order, fetchedAt, provider } = await this.fetchOrder(conversation.siteId, orderId);
    if (!(await this.belongsTo(order, visitor, conversation, provider))) throw notFound();
    return { order, conversation, fetchedAt };
  }

  /** One order from the site's shop: missing (or no shop) is not_found, a failing shop orders_unavailable. */
  private async fetchOrder(siteId: SiteDoc['_id'], orderId: string) {
    const provider = await this.providerOf(siteId);
    if (!provider) throw notFound();
    const result = await provider.getOrder(orderId);
    if (result.kind === 'not_found') throw notFound();
    if (result.kind !== 'ok') {
      this.report(siteId, result);
      throw unavailable();
    }
    return { order: result.value, fetchedAt: result.fetchedAt, provider };
  }

  /** The order is this shopper's: by signed identity, by the email the agent's list matched, or by a guest grant. */
  private async belongsTo(order: Order, visitor: VisitorDoc, conversation: ConversationDoc, provider: OrderProvider): Promise<boolean> {
    if (visitor.verified && visitor.externalId !== null) {
      if (order.customerId === visitor.externalId) return true;
    } else {
      const email = visitor.email ?? conversation.contactEmail;
      if (email) {
        const found = await provider.findCustomer({ email });
        if (found.kind === 'ok' && order.customerId === found.value.id) return true;
      }
    }
    return this.deps.store.orderAccess.granted(visitor._id, order.id);
  }

  // ---- both ----------------------------------------------------------------------------

  private async providerOf(siteId: SiteDoc['_id']): Promise<OrderProvider | null> {
    return this.deps.providers.forSite(await this.deps.sites.get(siteId));
  }

  private state<T, R>(
    siteId: SiteDoc['_id'],
    result: ProviderResult<T>,
    map: (value: T) => R,
    olderFetch?: number,
  ): OrdersState<R> {
    if (result.kind === 'ok') {
      const fetchedAt = Math.min(result.fetchedAt, olderFetch ?? result.fetchedAt);
      return { state: 'ok', value: map(result.value), cacheAgeMs: Math.max(0, this.deps.clock.now() - fetchedAt) };
    }
    if (result.kind === 'not_found') return { state: 'no_customer' };
    this.report(siteId, result);
    return { state: 'unreachable', message: result.kind === 'unreachable' ? 'The shop is not answering.' : 'The shop answered something we cannot read.' };
  }

  private report(siteId: SiteDoc['_id'], result: { kind: string; reason?: string }): void {
    this.deps.warn({ siteId, provider: result.kind, reason: result.reason }, 'order provider call failed');
  }
}
