/**
 * What a conversation needs (issue 14 item 2), in the pure domain with the manual clock: a
 * rule's minimum value (the cart), its wait counted from the queue entry, the cart's value,
 * and the bot's understanding mapped to a topic by the site's settings.
 */
import type { AgentId, RoutingRule, RoutingSettings, SiteId } from '@counter/shared';
import { describe, expect, it } from 'vitest';
import { topicFromBot } from '../../src/domain/routing-admin/bot-topic.js';
import { topicNote } from '../../src/domain/routing-admin/topic-note.js';
import { cartValue } from '../../src/domain/routing/conversation-value.js';
import { candidateTiers, matchRule, stageOf, type RoutedConversation } from '../../src/domain/routing/routing-order.js';
import { ManualClock } from './harness.js';

const rule = (patch: Partial<RoutingRule>): RoutingRule => ({ topic: null, language: null, tier: null, teamId: 'pre-sales', skills: [], waitSeconds: 600, ...patch });
const settings: RoutingSettings = {
  teams: [
    { id: 'big-carts', name: 'Big carts', members: ['rich' as AgentId], capacity: null },
    { id: 'pre-sales', name: 'Pre-sales', members: ['pia' as AgentId], capacity: null },
  ],
  agents: [],
  topics: ['Pre-sales', 'Order & delivery', 'Returns'],
  rules: [rule({ teamId: 'big-carts', minValue: 500, waitSeconds: 30 }), rule({})],
  vipTeamId: null,
  lastAgentDays: 3,
  orderTopic: 'Order & delivery',
  topicKeywords: [
    { topic: 'Returns', keywords: ['refund', '退货', 'returns-policy'] },
    { topic: 'Gone', keywords: ['kettle'] },
  ],
};

describe('a rule with a minimum value', () => {
  const clock = new ManualClock();
  const conversation = (value: number | null): RoutedConversation => ({
    siteId: 's' as SiteId,
    priority: 0,
    queuedAt: clock.now(),
    createdAt: clock.now(),
    topic: null,
    language: null,
    tier: null,
    lastAgentId: null,
    value,
  });

  it('matches a cart worth at least the minimum, and nothing below it or without a cart', () => {
    expect(matchRule(settings, conversation(500))?.teamId).toBe('big-carts');
    expect(matchRule(settings, conversation(499.99))?.teamId).toBe('pre-sales');
    expect(matchRule(settings, conversation(null))?.teamId).toBe('pre-sales');
  });

  it('offers a big cart to its team first, and widens after that rule\'s own wait', () => {
    const rich = conversation(800);
    const small = conversation(10);
    const first = candidateTiers(settings, rich, clock.now())[0]!;
    expect([first.accepts('rich' as AgentId), first.accepts('pia' as AgentId)]).toEqual([true, false]);
    clock.advance(31_000);
    expect(stageOf(settings, rich, clock.now())).toBe(1);
    expect(stageOf(settings, small, clock.now())).toBe(0);
    clock.advance(30_000);
    expect(stageOf(settings, rich, clock.now())).toBe(2);
    expect(candidateTiers(settings, rich, clock.now()).at(-1)!.accepts('pia' as AgentId)).toBe(true);
  });
});

describe('the cart\'s value', () => {
  it('is its total, else the sum of its priced lines, else nothing', () => {
    expect(cartValue({ items: [{ title: 'a', quantity: 2, price: 10 }], total: 99 })).toBe(99);
    expect(cartValue({ items: [{ title: 'a', quantity: 2, price: 10 }, { title: 'b', quantity: 1 }] })).toBe(20);
    expect(cartValue({ items: [{ title: 'b', quantity: 1 }] })).toBeNull();
    expect(cartValue(null)).toBeNull();
  });
});

describe('the bot as a topic source', () => {
  it('gives an order question the order topic', () => {
    expect(topicFromBot(settings, { questions: ['where is my parcel?'], orderQuestion: true })).toBe('Order & delivery');
    expect(topicFromBot({ ...settings, orderTopic: null }, { questions: ['where is my parcel?'], orderQuestion: true })).toBeNull();
  });

  it('maps the shopper\'s words, in English or Chinese, and the answered article\'s tags to a topic', () => {
    expect(topicFromBot(settings, { questions: ['Can I get a refund?'], orderQuestion: false })).toBe('Returns');
    expect(topicFromBot(settings, { questions: ['我想退货怎么办'], orderQuestion: false })).toBe('Returns');
    expect(topicFromBot(settings, { questions: ['hi'], articleTags: ['Returns-Policy'], orderQuestion: false })).toBe('Returns');
    // Whole words: "refunding" is not "refund".
    expect(topicFromBot(settings, { questions: ['any refunding options?'], orderQuestion: false })).toBeNull();
  });

  it('never sets a topic the site does not have', () => {
    expect(topicFromBot(settings, { questions: ['my kettle'], orderQuestion: false })).toBeNull();
  });
});

describe('the history note of an agent\'s change', () => {
  it('says what the topic was and is', () => {
    expect(topicNote(null, 'Returns')).toBe('Topic set to "Returns".');
    expect(topicNote('Returns', 'Pre-sales')).toBe('Topic changed from "Returns" to "Pre-sales".');
    expect(topicNote('Returns', null)).toBe('Topic cleared (was "Returns").');
  });
});
