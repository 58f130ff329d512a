/** The due time of a conversation, per kind and tier (pure: the console's badge uses the same function). */
import { DEFAULT_TARGETS, dueOf, timeToBreach, type DueInput, type ResponseTargets } from '@counter/shared';
import { describe, expect, it } from 'vitest';

const T0 = 1_700_000_000_000;
const waiting = (over: Partial<DueInput> = {}): DueInput => ({
  status: 'waiting',
  priority: 0,
  awaitingReplySince: T0,
  firstResponseAt: null,
  offline: false,
  ...over,
});
const targets: ResponseTargets = {
  vip: { firstSeconds: 30, nextSeconds: 60, asyncSeconds: 7200 },
  standard: { firstSeconds: 180, nextSeconds: 300, asyncSeconds: 14_400 },
  escalation: { action: 'notify', atPercent: 80 },
};

describe('response targets: due time', () => {
  it('owes nothing when no shopper message waits or it is resolved', () => {
    expect(dueOf(waiting({ awaitingReplySince: null }), targets)).toBeNull();
    expect(dueOf(waiting({ status: 'resolved' }), targets)).toBeNull();
  });

  it('a first response: 3 min for everyone, 30 s for a VIP, escalating at 80 %', () => {
    expect(dueOf(waiting(), targets)).toMatchObject({ kind: 'first', tier: 'standard', dueAt: T0 + 180_000, escalateAt: T0 + 144_000 });
    expect(dueOf(waiting({ priority: 1 }), targets)).toMatchObject({ kind: 'first', tier: 'vip', dueAt: T0 + 30_000, escalateAt: T0 + 24_000 });
  });

  it('a next response once an agent has answered, from the oldest unanswered message', () => {
    const due = dueOf(waiting({ status: 'assigned', firstResponseAt: T0 - 5000, priority: 1 }), targets)!;
    expect(due).toMatchObject({ kind: 'next', since: T0, targetMs: 60_000, dueAt: T0 + 60_000 });
    expect(timeToBreach(due, T0 + 59_000)).toBe(1000);
    expect(timeToBreach(due, T0 + 61_000)).toBe(-1000);
  });

  it('a left (offline) message has the asynchronous target', () => {
    expect(dueOf(waiting({ offline: true }), targets)).toMatchObject({ kind: 'async', dueAt: T0 + 14_400_000 });
    expect(dueOf(waiting({ offline: true, priority: 1 }), targets)).toMatchObject({ kind: 'async', dueAt: T0 + 7_200_000 });
  });

  it('the defaults: VIP 30 s, others 3 min, 2 h for follow-ups, notify at 80 %', () => {
    expect(DEFAULT_TARGETS).toMatchObject({
      vip: { firstSeconds: 30, asyncSeconds: 7200 },
      standard: { firstSeconds: 180, asyncSeconds: 7200 },
      escalation: { action: 'notify', atPercent: 80 },
    });
  });
});
