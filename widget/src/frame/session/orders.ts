/**
 * Orders for the shopper (loaded with the order views, never in the first render): their
 * own orders when the shop signed their identity, a guest lookup by number + email, and
 * sending an order into the conversation as a card.
 */
import type { OrderSummary, OrdersState, ReturnPolicy, ReturnRequestView, ShopperOrder } from '@counter/shared';
import type { Core } from './core';
import { TransportError, unwrap } from './transport';

export interface OrdersApi {
  mine(): Promise<OrdersState<OrderSummary[]>>;
  get(orderId: string): Promise<ShopperOrder>;
  /** Rejects with the server's error (not_found, too_many_attempts...) for the form to show. */
  lookup(number: string, email: string): Promise<ShopperOrder>;
  /** Starts the conversation if there is none yet. */
  sendCard(orderId: string): Promise<void>;
  /** The product the page reported (setContext) as a card; rejects with not_found without one. */
  sendProduct(): Promise<void>;
  // ---- the shopper's returns (issue 12 item 4)
  returnPolicy(): Promise<ReturnPolicy>;
  /** Read from the server: the same timeline after a reload and on another device. */
  myReturns(): Promise<ReturnRequestView[]>;
  /** The conversation the request (and its photos) goes into; started if there is none. */
  conversationId(): Promise<string>;
  fileReturn(input: { conversationId: string; orderId: string; key: string; lines: { lineId: string; quantity: number }[]; reasonId: string; note?: string; attachmentIds: string[] }): Promise<ReturnRequestView>;
}

export function ordersApi(core: Core, start: () => Promise<string>): OrdersApi {
  const live = () => {
    const t = core.live();
    if (!t) throw new TransportError('offline');
    return t;
  };
  return {
    mine: async () => unwrap(await live().request('orders:mine', {})),
    get: async (orderId) => unwrap(await live().request('order:get', { orderId })).order,
    lookup: async (number, email) => unwrap(await live().request('order:lookup', { number, email })).order,
    async sendCard(orderId) {
      const conversationId = core.state().conversation?.id ?? (await start());
      core.state().addMessages([unwrap(await live().request('order:card', { conversationId, clientId: core.newId(), orderId })).message]);
    },
    async sendProduct() {
      const conversationId = core.state().conversation?.id ?? (await start());
      core.state().addMessages([unwrap(await live().request('product:card', { conversationId, clientId: core.newId() })).message]);
    },
    returnPolicy: async () => unwrap(await live().request('returns:policy', {})).policy,
    myReturns: async () => unwrap(await live().request('returns:mine', {})).requests,
    conversationId: async () => {
      const shown = core.state().conversation;
      return shown && shown.status !== 'resolved' ? shown.id : start();
    },
    fileReturn: async (input) => unwrap(await live().request('return:file', input as never)).request,
  };
}
