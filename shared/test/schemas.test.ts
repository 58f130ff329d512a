import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/limits.js';
import {
  agentSchemas,
  businessHours,
  cannedReplyBody,
  context,
  createSiteBody,
  identify,
  visitorSchemas,
} from '../src/schemas/index.js';

const uuid = '3f1c2a4e-8b7d-4c1e-9f2a-1b2c3d4e5f60';
const send = visitorSchemas['message:send'];

describe('inbound payload schemas', () => {
  it('accept a well-formed send, trimming the text and dropping unknown keys', () => {
    const parsed = send.parse({ conversationId: 'abcdefgh12', clientId: uuid, text: '  hi  ', seq: 7, $where: '1' });
    expect(parsed).toEqual({ conversationId: 'abcdefgh12', clientId: uuid, text: 'hi' });
  });

  it.each([
    ['an operator object', { $ne: null }],
    ['an array', ['a']],
    ['a number', 1],
    ['null', null],
  ])('reject %s where a string belongs', (_label, value) => {
    for (const field of ['conversationId', 'clientId', 'text']) {
      const payload = { conversationId: 'abcdefgh12', clientId: uuid, text: 'hi', [field]: value };
      const result = send.safeParse(payload);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([field]);
    }
  });

  it('reject empty, blank and overlong messages', () => {
    for (const text of ['', '   ', 'x'.repeat(LIMITS.messageLength + 1)]) {
      expect(send.safeParse({ conversationId: 'abcdefgh12', clientId: uuid, text }).success).toBe(false);
    }
    expect(send.safeParse({ conversationId: 'abcdefgh12', clientId: uuid, text: 'x'.repeat(LIMITS.messageLength) }).success).toBe(true);
  });

  it('reject ids with characters a query could misread', () => {
    for (const id of ['short', 'has space here', 'dollar$sign12', 'dot.dot.dot.1', 'a'.repeat(65)]) {
      expect(visitorSchemas['message:history'].safeParse({ conversationId: id }).success, id).toBe(false);
    }
  });

  it('default the history page size and bound it', () => {
    expect(agentSchemas['message:history'].parse({ conversationId: 'abcdefgh12' }).limit).toBe(LIMITS.historyPage);
    expect(agentSchemas['message:history'].safeParse({ conversationId: 'abcdefgh12', limit: 1000 }).success).toBe(false);
    expect(agentSchemas['message:history'].safeParse({ conversationId: 'abcdefgh12', afterSeq: -1 }).success).toBe(false);
    expect(agentSchemas['message:history'].safeParse({ conversationId: 'abcdefgh12', afterSeq: 1.5 }).success).toBe(false);
  });

  it('only take http(s) URLs for pages, products and images', () => {
    const bad = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://x.example/a', 'not a url'];
    for (const url of bad) {
      expect(context.safeParse({ page: { url, title: 't' } }).success, url).toBe(false);
      expect(context.safeParse({ product: { title: 't', image: url } }).success, url).toBe(false);
    }
    expect(context.safeParse({ page: { url: 'https://shop.example/p/1', title: 'Shoes' } }).success).toBe(true);
  });

  it('bound carts and reject non-finite or negative prices', () => {
    const item = { title: 'Sock', quantity: 1, price: 3 };
    expect(context.safeParse({ cart: { items: Array(LIMITS.cartItems + 1).fill(item) } }).success).toBe(false);
    expect(context.safeParse({ cart: { items: [{ ...item, price: -1 }] } }).success).toBe(false);
    expect(context.safeParse({ cart: { items: [{ ...item, quantity: 0 }] } }).success).toBe(false);
    expect(context.safeParse({ cart: { items: [item], total: 3, currency: 'usd' } }).success).toBe(false);
    expect(context.safeParse({ cart: null, product: null }).success).toBe(true);
  });

  it('take a signature of any shape up to a bound (the server checks it, so a wrong one is counted and reported) and a known tier', () => {
    expect(identify.safeParse({ id: 'c1', signature: 'f'.repeat(64) }).success).toBe(true);
    // A malformed signature reaches the server's check: refused there as identity_rejected, and counted.
    expect(identify.safeParse({ id: 'c1', signature: 'z'.repeat(63) }).success).toBe(true);
    expect(identify.safeParse({ id: 'c1', signature: 'f'.repeat(513) }).success).toBe(false);
    expect(identify.safeParse({ id: 'c1', signature: 'f'.repeat(64), tier: 'gold' }).success).toBe(false);
    expect(identify.safeParse({ jwt: '' }).success).toBe(false);
  });

  it('take origins, not URLs, as allowed embedders', () => {
    expect(createSiteBody.safeParse({ name: 'S', allowedOrigins: ['https://shop.example'] }).success).toBe(true);
    for (const origin of ['https://shop.example/path', 'shop.example', '*', 'https://a.example?x=1']) {
      expect(createSiteBody.safeParse({ name: 'S', allowedOrigins: [origin] }).success, origin).toBe(false);
    }
  });

  it('check business hours: real time zone, HH:MM, open before close', () => {
    expect(businessHours.safeParse({ timezone: 'Asia/Shanghai', slots: [{ day: 1, open: '09:00', close: '18:00' }] }).success).toBe(true);
    expect(businessHours.safeParse({ timezone: 'Mars/Olympus', slots: [] }).success).toBe(false);
    expect(businessHours.safeParse({ timezone: 'UTC', slots: [{ day: 7, open: '09:00', close: '18:00' }] }).success).toBe(false);
    expect(businessHours.safeParse({ timezone: 'UTC', slots: [{ day: 1, open: '18:00', close: '09:00' }] }).success).toBe(false);
    expect(businessHours.safeParse({ timezone: 'UTC', slots: [{ day: 1, open: '9:00', close: '18:00' }] }).success).toBe(false);
  });

  it('normalise tags and canned-reply shortcuts', () => {
    expect(agentSchemas['conversation:tags'].parse({ conversationId: 'abcdefgh12', tags: [' Refund ', '退货'] }).tags).toEqual([
      'refund',
      '退货',
    ]);
    expect(agentSchemas['conversation:tags'].safeParse({ conversationId: 'abcdefgh12', tags: ['<b>'] }).success).toBe(false);
    expect(cannedReplyBody.parse({ shortcut: 'Ship', title: 'Shipping', text: 'We ship in 24h.' }).shortcut).toBe('ship');
    expect(cannedReplyBody.safeParse({ shortcut: 'has space', title: 'x', text: 'y' }).success).toBe(false);
  });
});
