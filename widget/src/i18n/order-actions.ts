/**
 * What the shopper reads when an agent acts on their order (a refund, a voucher, a return's
 * progress): loaded with the event's lazy chunk, only in conversations that have one.
 */
import type { Strings } from './catalogue';

export const ORDER_ACTIONS = {
  refund: ['Refund of {amount} issued', '已退款 {amount}'],
  refundPending: ['Refund of {amount} is on its way', '退款 {amount} 处理中'],
  cancel: ['Order #{n} was cancelled', '订单 #{n} 已取消'],
  returnRequested: ['Return requested for order #{n}', '订单 #{n} 的退货申请已提交'],
  approve: ['Your return for order #{n} was approved', '订单 #{n} 的退货申请已通过'],
  reject: ['Your return for order #{n} was declined', '订单 #{n} 的退货申请未通过'],
  received: ['We received your return for order #{n}', '我们已收到订单 #{n} 的退货'],
  voucher: ['A voucher for you: {code} ({amount} off)', '送您一张优惠券：{code}（立减 {amount}）'],
  review: ['Your request about order #{n} is being reviewed', '您关于订单 #{n} 的请求正在审核中'],
  declined: ['Your request about order #{n} was declined', '您关于订单 #{n} 的请求未获批准'],
  failed: ['We could not complete this for order #{n}; we will follow up', '订单 #{n} 的请求暂未完成，我们会继续跟进'],
} satisfies Strings;
