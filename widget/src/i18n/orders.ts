/**
 * "My orders" strings: they load with the order views' lazy chunk (see catalogue.ts). Order and
 * shipment statuses are keys too: orders-text.ts maps each status to one (checked by tsc).
 */
import type { Strings } from './catalogue';
import { ORDERS_ENTRY } from './orders-entry';

export const ORDERS = {
  ...ORDERS_ENTRY,
  back: ['Back', '返回'],
  close: ['Close orders', '关闭订单'],
  loading: ['Loading…', '加载中…'],
  none: ['No orders yet.', '暂无订单。'],
  unreachable: ['We can’t reach the shop’s order system right now. Please try again in a moment.', '暂时无法连接店铺的订单系统，请稍后再试。'],
  retry: ['Try again', '重试'],
  find: ['Find an order', '查询订单'],
  findIntro: ['Enter your order number and the email you ordered with.', '请输入订单号和下单时使用的邮箱。'],
  number: ['Order number', '订单号'],
  email: ['Email', '邮箱'],
  lookup: ['Find order', '查询'],
  noMatch: ['No order matches that number and email.', '没有与该订单号和邮箱匹配的订单。'],
  tooMany: ['Too many attempts. Please try again later.', '尝试次数过多，请稍后再试。'],
  failed: ['Something went wrong. Please try again.', '出错了，请重试。'],
  order: ['Order #{n}', '订单 #{n}'],
  item: ['1 item', '1 件商品'],
  items: ['{n} items', '{n} 件商品'],
  total: ['Total', '合计'],
  tracking: ['Tracking', '物流'],
  notShipped: ['Not shipped yet.', '尚未发货。'],
  shipTo: ['Ship to', '收货地'],
  send: ['Send to chat', '发送到聊天'],
  sendProduct: ['Ask about the product on this page', '咨询当前页面的商品'],
  noProduct: ['This page shows no product.', '当前页面没有商品信息。'],
  placed: ['Placed', '已下单'],
  processing: ['Processing', '处理中'],
  partially_shipped: ['Partly shipped', '部分发货'],
  shipped: ['Shipped', '已发货'],
  delivered: ['Delivered', '已签收'],
  cancelled: ['Cancelled', '已取消'],
  pending: ['Preparing', '备货中'],
  in_transit: ['In transit', '运输中'],
  out_for_delivery: ['Out for delivery', '派送中'],
  returned: ['Returned', '已退回'],
  deliveryFailed: ['Delivery failed', '派送失败'],
} satisfies Strings;

export type OrdersKey = keyof typeof ORDERS;
