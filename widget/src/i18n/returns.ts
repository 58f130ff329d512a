/** The shopper's return flow and its timeline (issue 12 item 4): loaded with the returns chunk only. */
import type { Strings } from './catalogue';

export const RETURNS = {
  start: ['Return or refund', '退货或退款'],
  title: ['Return or refund · order #{n}', '退货或退款 · 订单 #{n}'],
  which: ['What are you sending back?', '您要退回哪些商品？'],
  qty: ['Quantity of {n}', '{n} 的数量'],
  reason: ['Reason', '原因'],
  choose: ['Choose a reason', '请选择原因'],
  note: ['Anything else we should know (optional)', '其他说明（可选）'],
  photos: ['Photos (optional)', '照片（可选）'],
  addPhoto: ['Add photos', '添加照片'],
  uploading: ['Uploading…', '上传中…'],
  submit: ['Send request', '提交申请'],
  cancel: ['Cancel', '取消'],
  none: ['Choose at least one item.', '请至少选择一件商品。'],
  failed: ['We could not send your request. Please try again.', '申请提交失败，请重试。'],
  refused: ['This request cannot be accepted. Please check the items and quantities; items already returned cannot be returned again.', '无法受理此申请。请检查商品和数量；已退回的商品不能再次退货。'],
  photoFailed: ['That photo could not be uploaded.', '照片上传失败。'],
  yourReturns: ['Your returns', '您的退货'],
  replyBy: ['We will reply by {n}', '我们将在 {n} 前回复您'],
  requested: ['Requested', '已申请'],
  pending_approval: ['Being reviewed', '审核中'],
  approved: ['Approved', '已批准'],
  rejected: ['Declined', '未通过'],
  label: ['Return label sent', '退货标签已发送'],
  received: ['Received', '已收货'],
  refunded: ['Refunded', '已退款'],
} satisfies Strings;

export type ReturnsKey = keyof typeof RETURNS;
