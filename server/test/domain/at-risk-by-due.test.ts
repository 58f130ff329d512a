/** The Live view's at-risk list (issue 15 leftovers) is ordered by time to breach, not by the longest wait. */
import { describe, expect, it } from 'vitest';
import { atRiskByDue } from '../../src/domain/supervisor/at-risk.js';
import { conversationDoc } from '../support/fixtures.js';

describe('at risk by target due times', () => {
  it('puts a VIP waiting 20 s (30 s target) before a standard shopper waiting 2 min (3 min target)', () => {
    const now = 1_000_000;
    const standard = conversationDoc({ status: 'assigned', awaitingReplySince: now - 120_000, firstResponseAt: null, priority: 0 });
    const vip = conversationDoc({ status: 'assigned', awaitingReplySince: now - 20_000, firstResponseAt: null, priority: 1 });
    const answered = conversationDoc({ status: 'assigned', awaitingReplySince: null });
    const list = atRiskByDue([standard, vip, answered], { targets: null }, 10);
    expect(list.map((r) => [r.c._id, r.dueAt])).toEqual([
      [vip._id, now + 10_000],
      [standard._id, now + 60_000],
    ]);
    expect(atRiskByDue([standard, vip], { targets: null }, 1).map((r) => r.c._id)).toEqual([vip._id]);
  });
});
