import type { CannedReply, CannedReplyId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { relatedCanned } from '../../src/lib/related-canned.js';

const reply = (shortcut: string, title: string, text: string): CannedReply => ({ id: shortcut as CannedReplyId, shortcut, title, text, updatedAt: 0, siteId: null });

describe('canned replies related to the shopper\'s message (agent assist)', () => {
  const replies = [
    reply('refund', 'Refund timing', 'Refunds reach your card in 5-10 working days.'),
    reply('hi', 'Greeting', 'Hello {visitor.name}!'),
    reply('tuihuo', '退货流程', '签收后 7 天内可申请退货。'),
  ];

  it('finds replies sharing words in English and character pairs in Chinese, most shared first', () => {
    expect(relatedCanned(replies, 'my refund has not arrived').map((r) => r.shortcut)).toEqual(['refund']);
    expect(relatedCanned(replies, '我想退货怎么弄').map((r) => r.shortcut)).toEqual(['tuihuo']);
    expect(relatedCanned(replies, 'ok')).toEqual([]);
  });
});
