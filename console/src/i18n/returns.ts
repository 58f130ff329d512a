/** The shopper's returns as agents see them, line-level action forms (issue 12 item 4). */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  returnRequest: 'Return request',
  approveReturn: 'Approve return',
  rejectReturn: 'Reject',
  reasonLabel: 'Reason',
  photos: (n: number) => (n === 1 ? '1 photo' : `${n} photos`),
  dueIn: (left: string) => `Reply due in ${left}`,
  overdue: (late: string) => `Reply overdue by ${late}`,
  quality: 'Quality problem',
  lines: 'Lines',
  quantityOf: (name: string) => `Quantity of ${name}`,
  step: 'Step',
  returnId: 'Return id',
  steps: { approve: 'Approve', reject: 'Reject', received: 'Received', refund: 'Refund' } as Record<string, string>,
  state: { requested: 'Requested', approved: 'Approved', rejected: 'Rejected', received: 'Received', refunded: 'Refunded', pending_approval: 'Waiting for approval' } as Record<string, string>,
};

const zh: typeof en = {
  returnRequest: '退货申请',
  approveReturn: '批准退货',
  rejectReturn: '拒绝',
  reasonLabel: '原因',
  photos: (n) => `${n} 张照片`,
  dueIn: (left) => `需在 ${left} 内回复`,
  overdue: (late) => `已超时 ${late}`,
  quality: '质量问题',
  lines: '商品',
  quantityOf: (name) => `${name} 的数量`,
  step: '步骤',
  returnId: '退货编号',
  steps: { approve: '批准', reject: '拒绝', received: '已收货', refund: '退款' },
  state: { requested: '已申请', approved: '已批准', rejected: '已拒绝', received: '已收货', refunded: '已退款', pending_approval: '等待审批' },
};

export const returnsText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);
