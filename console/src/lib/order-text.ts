/**
 * Words and formats for orders in the console, in English and Chinese (the person's chosen
 * language, see i18n/locale.ts); money is in minor units on the wire and formatted per
 * locale and currency here.
 */
import type { FulfilmentStatus, OrderStatus, PaymentState } from '@counter/shared';
import { consoleLocale, intlLocale, type ConsoleLocale } from '../i18n/locale.js';
import { shortDuration } from './time-format.js';

// Feature tables import these from here; the language itself lives in i18n/locale.ts.
export { consoleLocale, type ConsoleLocale };

const en = {
  orders: 'Orders',
  loading: 'Loading orders…',
  none: 'No orders yet.',
  noCustomer: 'No customer found for this shopper (anonymous, or not in the shop).',
  unreachable: 'The shop’s order system is not answering. This is not “no orders”.',
  retry: 'Retry',
  byEmail: 'Matched by an email the shopper typed (not verified).',
  byId: 'Verified customer',
  updated: (age: string) => `Updated ${age} ago`,
  justNow: 'Fetched just now',
  order: (n: string) => `Order #${n}`,
  open: 'Open order',
  items: (n: number) => (n === 1 ? '1 item' : `${n} items`),
  subtotal: 'Subtotal',
  shipping: 'Shipping',
  tax: 'Tax',
  discount: 'Discount',
  total: 'Total',
  payment: 'Payment',
  shipTo: 'Ship to',
  reveal: 'Reveal address and phone',
  revealed: 'Revealed; recorded in the audit log.',
  masked: 'Street, postal code and phone are hidden until revealed. Each reveal is recorded.',
  tracking: 'Tracking',
  noShipment: 'Not shipped yet.',
  next: 'Possible next steps',
  close: 'Close',
  failed: 'Could not load this order.',
  status: {
    placed: 'Placed', processing: 'Processing', partially_shipped: 'Partly shipped', shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled',
  } satisfies Record<OrderStatus, string>,
  paymentState: {
    pending: 'Awaiting payment', authorized: 'Authorised', paid: 'Paid', partially_refunded: 'Partly refunded', refunded: 'Refunded', failed: 'Failed', cancelled: 'Cancelled',
  } satisfies Record<PaymentState, string>,
  fulfilment: {
    pending: 'Preparing', shipped: 'Shipped', in_transit: 'In transit', out_for_delivery: 'Out for delivery', delivered: 'Delivered', failed: 'Delivery failed', returned: 'Returned',
  } satisfies Record<FulfilmentStatus, string>,
  action: { refund: 'Refund', cancel: 'Cancel', return_request: 'Return', voucher: 'Voucher' } as Record<string, string>,
  audit: 'Audit log',
  auditIntro: 'Who revealed a shopper’s address and phone, and when.',
  auditEmpty: 'Nothing revealed yet.',
};

const zh: typeof en = {
  orders: '订单',
  loading: '正在加载订单…',
  none: '暂无订单。',
  noCustomer: '未找到该顾客（匿名访客，或不是店铺顾客）。',
  unreachable: '店铺订单系统没有响应。这并不表示“没有订单”。',
  retry: '重试',
  byEmail: '按顾客填写的邮箱匹配（未验证）。',
  byId: '已验证顾客',
  updated: (age) => `${age}前更新`,
  justNow: '刚刚获取',
  order: (n) => `订单 #${n}`,
  open: '查看订单',
  items: (n) => `${n} 件商品`,
  subtotal: '小计',
  shipping: '运费',
  tax: '税费',
  discount: '优惠',
  total: '合计',
  payment: '支付',
  shipTo: '收货地址',
  reveal: '显示地址和电话',
  revealed: '已显示；已记入审计日志。',
  masked: '街道、邮编和电话默认隐藏，显示时会被记录。',
  tracking: '物流',
  noShipment: '尚未发货。',
  next: '可执行的操作',
  close: '关闭',
  failed: '无法加载该订单。',
  status: { placed: '已下单', processing: '处理中', partially_shipped: '部分发货', shipped: '已发货', delivered: '已签收', cancelled: '已取消' },
  paymentState: { pending: '待付款', authorized: '已授权', paid: '已付款', partially_refunded: '部分退款', refunded: '已退款', failed: '支付失败', cancelled: '已取消' },
  fulfilment: { pending: '备货中', shipped: '已发货', in_transit: '运输中', out_for_delivery: '派送中', delivered: '已签收', failed: '派送失败', returned: '已退回' },
  action: { refund: '退款', cancel: '取消', return_request: '退货', voucher: '优惠券' },
  audit: '审计日志',
  auditIntro: '谁在何时查看了顾客的地址和电话。',
  auditEmpty: '暂无记录。',
};

export const orderText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);

/** Minor units per major unit of a currency: JPY 0, USD 2, KWD 3 (2 for a code Intl does not know). */
export const currencyDigits = (currency: string) => {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
};

/** Minor units -> "$153.50" / "US$153.50", per locale. */
export function orderMoney(minor: number, currency: string, locale: ConsoleLocale = consoleLocale()): string {
  const amount = minor / 10 ** currencyDigits(currency);
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** How old the shop's answer is (the server's cache): "Fetched just now", "Updated 25s ago". */
export function cacheAge(ms: number, t = orderText()): string {
  return ms < 5000 ? t.justNow : t.updated(shortDuration(ms));
}

export function orderDate(at: number, locale: ConsoleLocale = consoleLocale()): string {
  return new Date(at).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' });
}
