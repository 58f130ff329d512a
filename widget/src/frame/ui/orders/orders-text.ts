/**
 * The order views' words, English and Chinese, shipped with the order views (not in the
 * first render's catalogue). Money arrives in minor units and is formatted per locale here.
 */
import type { FulfilmentStatus, Locale, OrderStatus } from '@counter/shared';

const EN = {
  myOrders: 'My orders',
  back: 'Back',
  close: 'Close orders',
  loading: 'Loading…',
  none: 'No orders yet.',
  unreachable: 'We can’t reach the shop’s order system right now. Please try again in a moment.',
  retry: 'Try again',
  find: 'Find an order',
  findIntro: 'Enter your order number and the email you ordered with.',
  number: 'Order number',
  email: 'Email',
  lookup: 'Find order',
  noMatch: 'No order matches that number and email.',
  tooMany: 'Too many attempts. Please try again later.',
  failed: 'Something went wrong. Please try again.',
  order: 'Order #{n}',
  items: '{n} items',
  total: 'Total',
  tracking: 'Tracking',
  notShipped: 'Not shipped yet.',
  shipTo: 'Ship to',
  send: 'Send to chat',
  sent: 'Sent to the chat.',
};

type Words = typeof EN;

const ZH: Words = {
  myOrders: '我的订单',
  back: '返回',
  close: '关闭订单',
  loading: '加载中…',
  none: '暂无订单。',
  unreachable: '暂时无法连接店铺的订单系统，请稍后再试。',
  retry: '重试',
  find: '查询订单',
  findIntro: '请输入订单号和下单时使用的邮箱。',
  number: '订单号',
  email: '邮箱',
  lookup: '查询',
  noMatch: '没有与该订单号和邮箱匹配的订单。',
  tooMany: '尝试次数过多，请稍后再试。',
  failed: '出错了，请重试。',
  order: '订单 #{n}',
  items: '{n} 件商品',
  total: '合计',
  tracking: '物流',
  notShipped: '尚未发货。',
  shipTo: '收货地',
  send: '发送到聊天',
  sent: '已发送到聊天。',
};

const STATUS: Record<Locale, Record<OrderStatus, string>> = {
  en: { placed: 'Placed', processing: 'Processing', partially_shipped: 'Partly shipped', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled' },
  zh: { placed: '已下单', processing: '处理中', partially_shipped: '部分发货', shipped: '已发货', delivered: '已签收', cancelled: '已取消' },
};

const TRACK: Record<Locale, Record<FulfilmentStatus, string>> = {
  en: { pending: 'Preparing', shipped: 'Shipped', in_transit: 'In transit', out_for_delivery: 'Out for delivery', delivered: 'Delivered', failed: 'Delivery failed', returned: 'Returned' },
  zh: { pending: '备货中', shipped: '已发货', in_transit: '运输中', out_for_delivery: '派送中', delivered: '已签收', failed: '派送失败', returned: '已退回' },
};

const TAG: Record<Locale, string> = { en: 'en', zh: 'zh-CN' };

export function ordersText(locale: Locale) {
  const words = locale === 'zh' ? ZH : EN;
  return {
    t: (key: keyof Words, n?: string | number) => words[key].replace('{n}', String(n ?? '')),
    status: (s: OrderStatus) => STATUS[locale][s],
    track: (s: FulfilmentStatus) => TRACK[locale][s],
    money(minor: number, currency: string) {
      const format = new Intl.NumberFormat(TAG[locale], { style: 'currency', currency });
      return format.format(minor / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
    },
    date: (at: number) => new Date(at).toLocaleDateString(TAG[locale], { year: 'numeric', month: 'short', day: 'numeric' }),
    time: (at: number) => new Date(at).toLocaleString(TAG[locale], { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
  };
}

export type OrdersText = ReturnType<typeof ordersText>;
