/** The "My orders" button's label alone: its chunk loads with the chat, the order views' words (orders.ts) on the first click. */
import type { Strings } from './catalogue';

export const ORDERS_ENTRY = {
  myOrders: ['My orders', '我的订单'],
} satisfies Strings;
