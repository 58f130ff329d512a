import { randomUUID } from 'node:crypto';
import type { ConversationId } from '@counter/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { next, ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

describe("visitors only ever reach their own conversations", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("B gets not-found for everything about A's conversation, and A's messages never reach B", async () => {
    const a = await server.visitor();
    const b = await server.visitor();
    const { conversation } = ok(await visitorCommand(a.socket, 'conversation:start', {}));
    ok(await visitorCommand(a.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'my order #123' }));

    const leaked: unknown[] = [];
    b.socket.onAny((event, payload) => {
      if (event !== 'availability:changed' && event !== 'queue:position') leaked.push({ event, payload });
    });

    const attempts = [
      visitorCommand(b.socket, 'message:history', { conversationId: conversation.id }),
      visitorCommand(b.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'hijack' }),
      visitorCommand(b.socket, 'message:read', { conversationId: conversation.id, seq: 1 }),
      visitorCommand(b.socket, 'typing:set', { conversationId: conversation.id, typing: true }),
      visitorCommand(b.socket, 'conversation:rate', { conversationId: conversation.id, score: 1 }),
    ];
    for (const ack of await Promise.all(attempts)) {
      expect(ack).toEqual({ ok: false, error: { code: 'not_found', message: 'Not found.' } });
    }
    // B's own list does not include A's conversation.
    expect(ok(await visitorCommand(b.socket, 'conversation:list', {})).conversations).toEqual([]);

    // A keeps talking (A's second tab hears it); B hears nothing of it.
    const aTab = (await server.visitor({ token: a.token })).socket;
    const aHears = next(aTab as never, 'message:created');
    ok(await visitorCommand(a.socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: 'still mine' }));
    await aHears;
    const { messages } = await server.app.store.messages.after(conversation.id as ConversationId, 0, 100, true);
    expect(messages.map((m) => m.text)).toEqual(['my order #123', 'still mine']);
    expect(leaked).toEqual([]);
  });

  it("a visitor token only works on its own site", async () => {
    const other = await server.app.services.sites.create({
      name: 'Other shop',
      allowedOrigins: ['http://shop.test'],
      greeting: {},
      businessHours: null,
      defaultLocale: 'en',
    });
    const a = await server.visitor();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/visitor/sessions',
      payload: { siteId: other.id, pageOrigin: 'http://shop.test', token: a.token },
    });
    // A token from another site is not honoured: a new visitor is issued instead.
    expect(res.json().visitorId).not.toBe(a.session.visitorId);
  });
});
