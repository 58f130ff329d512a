// @vitest-environment node
/**
 * The shopper's session against an in-memory server: delivery (outbox, catch-up, no
 * duplicates), what the server pushes, and what the shopper does. No DOM, no sockets.
 */
import { describe, expect, it, vi } from 'vitest';
import { delivery } from '../../src/frame/store/messages';
import { FakeBackend } from '../support/fake-backend';
import { shown, startChat } from '../support/chat';

const online = (chat: ReturnType<typeof startChat>) => vi.waitFor(() => expect(chat.state().connection).toBe('online'));

describe('starting', () => {
  it('gets a session, shows the site and its greeting, and tells the loader the token', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    expect(chat.state()).toMatchObject({ siteName: 'Trail shop', greeting: 'Hello from the shop', locale: 'en', conversation: null });
    expect(chat.posted).toContainEqual({ t: 'state', token: chat.backend.auth!.token, c: false });
    // What the shopper looks at reaches the agents, with the chat's language.
    await vi.waitFor(() =>
      expect(chat.backend.calls).toContainEqual({
        name: 'visitor:context',
        payload: { locale: 'en', page: { url: 'https://shop.example/p/trail-2', title: 'Trail Runner 2' } },
      }),
    );
  });

  it('speaks Chinese from data-locale or the browser, else the site default', async () => {
    const fromAttribute = startChat({ locale: 'zh' });
    await fromAttribute.session.start();
    expect(fromAttribute.state()).toMatchObject({ locale: 'zh', greeting: '您好，欢迎光临' });
    const fromBrowser = startChat({ languages: ['zh-CN', 'en'] });
    await fromBrowser.session.start();
    expect(fromBrowser.state().locale).toBe('zh');
    const neither = startChat({ languages: ['fr-FR'] });
    await neither.session.start();
    expect(neither.state().locale).toBe('en');
  });

  it('sends each setContext key as given: null clears it, a key left out is not sent, all of it on reconnect', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    const contexts = () => chat.backend.calls.filter((c) => c.name === 'visitor:context').map((c) => c.payload);
    const cart = { items: [{ id: 'sku-1', title: 'Trail Runner 2', quantity: 1, price: 120 }], total: 120, currency: 'EUR' };
    const product = { id: 'sku-2', title: 'City Knit' };
    chat.session.setContext({ cart });
    chat.session.setContext({ product });
    chat.session.setContext({ cart: null });
    await vi.waitFor(() => expect(contexts().slice(-3)).toEqual([{ cart }, { product }, { cart: null }]));

    // A new connection sends everything known, the cleared cart as null (the server clears it too).
    chat.backend.goOffline();
    chat.backend.goOnline();
    await vi.waitFor(() => expect(contexts().at(-1)).toMatchObject({ locale: 'en', product, cart: null }));
  });

  it('is blocked when the server refuses this page', async () => {
    const chat = startChat({ backend: new FakeBackend({ sessionError: 'origin_not_allowed' }) });
    await chat.session.start();
    expect(chat.state().connection).toBe('blocked');
  });

  it('says so when the chat is open in too many tabs, rather than "not available on this site"', async () => {
    const chat = startChat({ backend: new FakeBackend({ connectRefusal: 'too_many_connections' }) });
    await chat.session.start();
    await vi.waitFor(() => expect(chat.state().connection).toBe('crowded'));
  });
});

describe('sending', () => {
  it('starts the conversation with the first message, which goes from sending to sent to read', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    chat.session.send('  Do you ship to Lyon?  ');
    expect(shown(chat.state())).toEqual(['Do you ship to Lyon?']);
    expect(delivery(chat.state().messages[0]!, chat.state().conversation)).toBe('sending');

    await vi.waitFor(() => expect(chat.state().messages[0]!.seq).toBe(1));
    expect(chat.backend.texts()).toEqual(['Do you ship to Lyon?']);
    expect(Object.keys(chat.kept)).toEqual([]); // the outbox is empty again
    expect(chat.posted).toContainEqual({ t: 'state', token: chat.backend.auth!.token, c: true });
    expect(delivery(chat.state().messages[0]!, chat.state().conversation)).toBe('sent');

    chat.backend.update({ agentReadSeq: 1 });
    expect(delivery(chat.state().messages[0]!, chat.state().conversation)).toBe('read');
  });

  it('keeps what is written offline and sends it once on reconnect', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    chat.session.send('first');
    await vi.waitFor(() => expect(chat.backend.texts()).toEqual(['first']));

    chat.backend.goOffline();
    expect(chat.state().connection).toBe('offline');
    chat.session.send('written offline');
    chat.session.send('and another');
    expect(Object.keys(chat.kept)).toHaveLength(2);

    chat.backend.goOnline();
    await vi.waitFor(() => expect(chat.backend.texts()).toEqual(['first', 'written offline', 'and another']));
    await vi.waitFor(() => expect(chat.state().messages.every((m) => m.seq !== null)).toBe(true));
    expect(shown(chat.state())).toEqual(['first', 'written offline', 'and another']);
    expect(Object.keys(chat.kept)).toEqual([]);
  });

  it('resends the outbox after a reload, and a message stored before its ack was lost shows once', async () => {
    const backend = new FakeBackend();
    const before = startChat({ backend });
    await before.session.start();
    await online(before);
    before.session.send('hello');
    await vi.waitFor(() => expect(backend.texts()).toEqual(['hello']));

    // The ack of the next one never arrives (the tab closes): it stays in the kept outbox.
    backend.swallow.add('message:send');
    before.session.send('stored, but the ack was lost');
    await vi.waitFor(() => expect(backend.calls.filter((c) => c.name === 'message:send')).toHaveLength(2));
    expect(Object.values(before.kept).map((v) => JSON.parse(v).text)).toEqual(['stored, but the ack was lost']);
    backend.goOffline();
    backend.swallow.clear();

    const after = startChat({ backend, kept: before.kept, token: before.token() });
    expect(shown(after.state())).toEqual([]);
    await after.session.start();
    await vi.waitFor(() => expect(shown(after.state())).toEqual(['hello', 'stored, but the ack was lost']));
    await vi.waitFor(() => expect(Object.keys(after.kept)).toEqual([]));
    expect(backend.texts()).toEqual(['hello', 'stored, but the ack was lost']);
  });

  it('catches up by sequence after a reconnect, never showing a message twice', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    chat.session.send('hi');
    await vi.waitFor(() => expect(chat.backend.texts()).toEqual(['hi']));
    chat.backend.agentSays('Hello!');

    chat.backend.goOffline();
    chat.backend.agentSays('Missed while offline'); // not delivered live
    chat.backend.note('internal: VIP customer'); // never shown to shoppers
    chat.backend.goOnline();
    await vi.waitFor(() => expect(shown(chat.state())).toEqual(['hi', 'Hello!', 'Missed while offline']));
    const history = chat.backend.calls.filter((c) => c.name === 'message:history').at(-1)!;
    expect(history.payload).toMatchObject({ afterSeq: 2 });

    // A live event for something already caught up changes nothing.
    chat.backend.emit('message:created', { message: chat.backend.messages[2]! });
    expect(shown(chat.state())).toEqual(['hi', 'Hello!', 'Missed while offline']);
  });

  it('marks a refused message failed; retry sends it, and into a new conversation if that one ended', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    chat.backend.refuseNext['message:send'] = 'store_unavailable';
    chat.session.send('try me');
    await vi.waitFor(() => expect(chat.state().messages[0]!.failed).toBe('store_unavailable'));
    chat.session.retry(chat.state().messages[0]!.clientId);
    await vi.waitFor(() => expect(chat.state().messages[0]!.seq).toBe(1));

    // Resolved while this tab was offline: the message aims at the conversation it still shows.
    chat.backend.goOffline();
    chat.backend.resolve();
    chat.session.send('after the end');
    chat.backend.goOnline();
    await vi.waitFor(() => expect(chat.state().conversation?.status).toBe('resolved'));
    const failed = chat.state().messages.find((m) => m.text === 'after the end');
    expect(failed?.failed).toBe('conversation_resolved');

    chat.session.retry(failed!.clientId);
    await vi.waitFor(() => expect(chat.backend.conversations).toHaveLength(2));
    await vi.waitFor(() => expect(chat.state().conversation?.id).toBe(chat.backend.conversations[1]!.id));
    expect(shown(chat.state())).toEqual(['after the end']);
  });
});

describe('what the server says', () => {
  async function chatting(options: Parameters<typeof startChat>[0] = {}) {
    const chat = startChat(options);
    await chat.session.start();
    await online(chat);
    chat.session.send('hi');
    await vi.waitFor(() => expect(chat.state().conversation).not.toBeNull());
    return chat;
  }

  it('shows the queue position until an agent takes it, then the agent typing and their reply', async () => {
    const chat = await chatting();
    const conversationId = chat.state().conversation!.id;
    chat.backend.emit('queue:position', { conversationId, position: 2, etaSeconds: 180 });
    expect(chat.state().queue).toEqual({ conversationId, position: 2, etaSeconds: 180 });

    chat.backend.assign('Ann');
    expect(chat.state().queue).toBeNull();
    expect(chat.state().conversation?.agentName).toBe('Ann');

    chat.backend.emit('typing:changed', { conversationId, typing: true, name: 'Ann' });
    expect(chat.state().typing).toBe('Ann');
    chat.backend.agentSays('How can I help?');
    expect(chat.state().typing).toBeNull();
    expect(chat.state().announcement).toBe('Ann: How can I help?');
  });

  it('counts unread replies while closed (badge, sound) and marks them read on open', async () => {
    const chat = await chatting({ open: false });
    chat.session.setSound(true);
    expect(chat.kept.sound).toBe('1');
    chat.backend.agentSays('one');
    chat.backend.agentSays('two');
    expect(chat.state().unread).toBe(2);
    expect(chat.posted.filter((m) => m.t === 'unread').at(-1)).toEqual({ t: 'unread', n: 2 });
    expect(chat.sounds()).toBe(2);

    chat.session.setOpen(true);
    expect(chat.state().unread).toBe(0);
    expect(chat.posted.filter((m) => m.t === 'unread').at(-1)).toEqual({ t: 'unread', n: 0 });
    await vi.waitFor(() => expect(chat.backend.calls.filter((c) => c.name === 'message:read').at(-1)).toEqual({ name: 'message:read', payload: { conversationId: chat.state().conversation!.id, seq: 3 } }));
  });

  it('tells the agent the shopper types, at most every few seconds, and when they stop', async () => {
    const chat = await chatting();
    chat.backend.assign();
    chat.session.typing(true);
    chat.session.typing(true);
    chat.session.typing(false);
    await vi.waitFor(() => expect(chat.backend.calls.filter((c) => c.name === 'typing:set').map((c) => c.payload.typing)).toEqual([true, false]));
  });

  it('loads older pages on demand', async () => {
    const backend = new FakeBackend();
    const first = await chatting({ backend });
    for (let i = 1; i <= 60; i++) backend.agentSays(`answer ${i}`);
    backend.goOffline();

    const reloaded = startChat({ backend, token: first.token() });
    await reloaded.session.start();
    await vi.waitFor(() => expect(reloaded.state().messages).toHaveLength(50));
    expect(reloaded.state().hasOlder).toBe(true);
    expect(shown(reloaded.state()).at(-1)).toBe('answer 60');

    await reloaded.session.loadOlder();
    expect(reloaded.state().hasOlder).toBe(false);
    expect(shown(reloaded.state())).toEqual(['hi', ...Array.from({ length: 60 }, (_, i) => `answer ${i + 1}`)]);
  });

  it('follows a verified identity to the customer record', async () => {
    const backend = new FakeBackend();
    backend.identities['cust-42'] = { token: 'token-customer', verified: true };
    const chat = startChat({ backend, identity: { id: 'cust-42', signature: 'a'.repeat(64) } });
    await chat.session.start();
    await online(chat);
    await vi.waitFor(() => expect(chat.token()).toBe('token-customer'));
    expect(backend.calls[0]).toMatchObject({ name: 'visitor:identify', payload: { id: 'cust-42' } });
  });

  // Issue 10, item 16: the merchant learns that their signature is wrong, in the page console.
  it('warns in the console when the shop\'s identity is refused, and stays anonymous', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const backend = new FakeBackend();
      const chat = startChat({ backend, identity: { id: 'cust-43', signature: 'b'.repeat(64) } });
      await chat.session.start();
      const before = chat.token();
      await online(chat);
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('identify was refused (identity_rejected)')));
      expect(chat.token()).toBe(before);
    } finally {
      warn.mockRestore();
    }
  });

  it('becomes a new visitor when its token stopped working (logout elsewhere)', async () => {
    const backend = new FakeBackend();
    const chat = await chatting({ backend });
    const old = chat.token()!;
    backend.goOffline();
    backend.revoke('site-1', old);
    backend.goOnline();
    await online(chat);
    expect(chat.token()).not.toBe(old);
    expect(chat.state().conversation).toBeNull();
  });
});

describe('when the conversation ends, or nobody is there', () => {
  it('rates the resolved conversation, then starts a new one', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    chat.session.send('hi');
    await vi.waitFor(() => expect(chat.backend.texts()).toEqual(['hi']));
    chat.backend.resolve();
    expect(chat.state().conversation?.status).toBe('resolved');

    // The site does not ask the NPS question: nothing follows the rating.
    expect(await chat.session.rate(5, '  Quick and kind  ')).toEqual({ nps: null });
    expect(chat.backend.calls.at(-1)!.payload).toMatchObject({ score: 5, comment: 'Quick and kind' });
    expect(chat.state().conversation?.rating?.score).toBe(5);

    chat.session.newConversation();
    expect(chat.state().conversation).toBeNull();
    chat.session.send('a new question');
    await vi.waitFor(() => expect(chat.backend.conversations).toHaveLength(2));
    await vi.waitFor(() => expect(shown(chat.state())).toEqual(['a new question']));
  });

  it('writing below an ended conversation starts the next one, shown under the old messages', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    chat.session.send('Where is my parcel?');
    await vi.waitFor(() => expect(chat.state().messages[0]!.seq).toBe(1));
    chat.backend.resolve();
    const ended = chat.state().conversation!;
    expect(ended.status).toBe('resolved');

    chat.session.send('It came, but one shoe is missing');
    await vi.waitFor(() => expect(chat.backend.conversations).toHaveLength(2));
    await vi.waitFor(() => expect(chat.state().messages.map((m) => m.seq)).toEqual([1]));
    expect(chat.state().conversation!.id).not.toBe(ended.id);
    expect(chat.state().conversation!.status).not.toBe('resolved');
    // The old conversation stays above, the new one below, each in its own order.
    expect(chat.state().earlier.flatMap(([c, list]) => list.map((m) => `${c.id === ended.id} ${m.text}`))).toContain('true Where is my parcel?');
    expect(shown(chat.state())).toEqual(['It came, but one shoe is missing']);
    expect(chat.backend.texts()).toEqual(['Where is my parcel?', 'It came, but one shoe is missing']);

    // "Start a new conversation" clears the screen.
    chat.session.newConversation();
    expect(chat.state().earlier).toEqual([]);
  });

  it('leaves a message with an email when nobody is online', async () => {
    const chat = startChat({ backend: new FakeBackend({ availability: { agentsOnline: 0, open: true, typicalReplySeconds: null } }) });
    await chat.session.start();
    await online(chat);
    expect(await chat.session.leaveMessage({ email: ' mia@example.com ', name: '', text: 'Call me back' })).toBe(true);
    expect(chat.backend.calls.find((c) => c.name === 'conversation:leave-message')!.payload).toMatchObject({ email: 'mia@example.com', text: 'Call me back' });
    expect(chat.state().leftEmail).toBe('mia@example.com');
    expect(shown(chat.state())).toEqual(['Call me back']);
  });
});

describe('logout', () => {
  it('revokes the token and lets the loader remove the frame', async () => {
    const chat = startChat();
    await chat.session.start();
    await online(chat);
    const token = chat.token()!;
    chat.session.shutdown();
    expect(chat.backend.revoked).toEqual([token]);
    expect(chat.posted.at(-1)).toEqual({ t: 'bye' });
  });
});
