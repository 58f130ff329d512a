import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { eventually } from '../support/wait.js';
import { agentCommand, next, ok, startTestServer, visitorCommand, type AgentSocket, type TestServer } from '../support/test-server.js';

const SHOTS = process.env.EMAIL_SHOTS_DIR ?? '/work/shots/email';
const save = (name: string, body: string) => writeFile(path.join(SHOTS, name), body).catch(() => {});

/** A shopper who left a message (with their email), assigned to the agent, then gone. */
async function shopperWhoLeft(server: TestServer, agent: AgentSocket, options: { email: string | null; locale?: 'en' | 'zh'; reach?: 'will_email' | 'on_return' }) {
  const shop = await server.visitor();
  if (options.locale) ok(await visitorCommand(shop.socket, 'visitor:context', { locale: options.locale }));
  const assigned = next<{ item: { conversation: { id: string } } }>(agent as never, 'conversation:assigned');
  let conversationId: string;
  if (options.email) {
    const left = ok(
      await visitorCommand(shop.socket, 'conversation:leave-message', { clientId: randomUUID(), email: options.email, text: 'Is the blue one in stock?' }),
    );
    conversationId = left.conversation.id;
  } else {
    conversationId = ok(await visitorCommand(shop.socket, 'conversation:start', {})).conversation.id;
    ok(await visitorCommand(shop.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Hello?' }));
  }
  await assigned;
  shop.socket.disconnect();
  const expected = options.reach ?? (options.email ? 'will_email' : 'on_return');
  await eventually(() => agentCommand(agent, 'conversation:reach', { conversationId }), (a) => a.ok && a.data.reach === expected, 'the shopper gone');
  return { conversationId, shop };
}

const reply = (agent: AgentSocket, conversationId: string, text: string) =>
  agentCommand(agent, 'message:send', { conversationId, clientId: randomUUID(), text }).then(ok);

describe('offline replies are emailed (issue 17, item 2)', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let ann: AgentSocket;

  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer({ config: { smtpUrl: sink.url, mailFrom: 'Test shop <help@shop.test>', mailBatchMs: 1500 } });
    ann = (await server.agent({ name: 'Ann', capacity: 10 })).socket;
  });
  afterAll(async () => {
    await server?.close();
    await sink?.close();
  });

  it('two replies to a shopper who left go out as one mail, in their language, with a link to the conversation', async () => {
    const { conversationId } = await shopperWhoLeft(server, ann, { email: 'mei@example.com', locale: 'zh' });
    await reply(ann, conversationId, '有货，今天可以发货。');
    await reply(ann, conversationId, 'Blue <b>size</b> M too.');

    const mail = await sink.next((m) => m.to.includes('mei@example.com'));
    expect(mail.parsed.subject).toBe('Test shop 回复了您');
    expect(mail.parsed.from?.text).toContain('help@shop.test');
    expect(mail.parsed.text).toContain('有货，今天可以发货。');
    expect(mail.parsed.text).toContain('Blue <b>size</b> M too.');
    expect(mail.parsed.html).toContain('Blue &lt;b&gt;size&lt;/b&gt; M too.');
    // Both replies in one mail: once it is sent, nothing else waits for this conversation.
    await eventually(() => server.app.store.mailOutbox.byId(`replies:${conversationId}`), (d) => d === null, 'the outbox emptied');
    expect(sink.mails.filter((m) => m.to.includes('mei@example.com'))).toHaveLength(1);
    await save('offline-replies-zh.eml', mail.raw);
    await save('offline-replies-zh.html', mail.parsed.html || '');

    const link = /https?:\/\/\S+\/mail\/conversation\/[^\s"]+/.exec(mail.parsed.text ?? '')![0];
    const url = new URL(link);
    const page = await server.app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('有货，今天可以发货。');
    expect(page.body).toContain('Is the blue one in stock?');
    const forged = url.search.replace(/s=[0-9a-f]/, (m) => (m.endsWith('0') ? 's=1' : 's=0'));
    expect((await server.app.inject({ method: 'GET', url: url.pathname + forged })).statusCode).toBe(404);
  });

  it('no mail to a shopper who is connected, nor to one who gave no email; the console is told which', async () => {
    // Connected: the reply is seen live.
    const here = await server.visitor();
    ok(await visitorCommand(here.socket, 'conversation:leave-message', { clientId: randomUUID(), email: 'here@example.com', text: 'Hi' }));
    const hereId = (await next<{ item: { conversation: { id: string } } }>(ann as never, 'conversation:assigned')).item.conversation.id;
    expect(ok(await agentCommand(ann, 'conversation:reach', { conversationId: hereId })).reach).toBe('connected');
    await reply(ann, hereId, 'You are here');
    // Gone without an email: they see it when they return.
    const { conversationId: anonId } = await shopperWhoLeft(server, ann, { email: null });
    await reply(ann, anonId, 'Sorry for the wait');
    // A shopper who left with an email, answered after the two above: their mail is the marker.
    const { conversationId: markerId } = await shopperWhoLeft(server, ann, { email: 'marker@example.com' });
    await reply(ann, markerId, 'Answer');
    await sink.next((m) => m.to.includes('marker@example.com'));

    expect(sink.mails.filter((m) => m.to.includes('here@example.com'))).toHaveLength(0);
    expect(await server.app.store.mailOutbox.byId(`replies:${hereId}`)).toBeNull();
    expect(await server.app.store.mailOutbox.byId(`replies:${anonId}`)).toBeNull();
  });

  it('a shopper who comes back within the window gets no mail', async () => {
    const { conversationId, shop } = await shopperWhoLeft(server, ann, { email: 'back@example.com' });
    await reply(ann, conversationId, 'We have it');
    expect(await server.app.store.mailOutbox.byId(`replies:${conversationId}`)).not.toBeNull();
    const back = await server.visitor({ token: shop.token });
    ok(await visitorCommand(back.socket, 'message:read', { conversationId, seq: 1000 }));
    await eventually(() => server.app.store.mailOutbox.byId(`replies:${conversationId}`), (d) => d === null, 'the pending mail dropped');
    expect(sink.mails.filter((m) => m.to.includes('back@example.com'))).toHaveLength(0);
  });

  it('the shopper asks for the transcript by email; a third request within 15 minutes is refused', async () => {
    const shop = await server.visitor();
    const conversationId = ok(await visitorCommand(shop.socket, 'conversation:start', { locale: 'en' })).conversation.id;
    ok(await visitorCommand(shop.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'Where is my parcel?' }));
    const sent = ok(await visitorCommand(shop.socket, 'conversation:email-transcript', { conversationId, email: 'lee@example.com' }));
    expect(sent.to).toBe('lee@example.com');
    const mail = await sink.next((m) => m.to.includes('lee@example.com'));
    expect(mail.parsed.subject).toBe('Your conversation with Test shop');
    expect(mail.parsed.text).toContain('You: Where is my parcel?');
    await save('transcript-en.html', mail.parsed.html || '');
    ok(await visitorCommand(shop.socket, 'conversation:email-transcript', { conversationId }));
    const third = await visitorCommand(shop.socket, 'conversation:email-transcript', { conversationId });
    expect(third).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });
});

describe('offline mail survives a restart and SMTP failures', () => {
  it('a pending mail is sent once after a restart', async () => {
    const sink = await startSmtpSink();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-mail-'));
    try {
      // A long window: the server stops before it closes.
      const config = { smtpUrl: sink.url, mailBatchMs: 3600_000 };
      const first = await startTestServer({ dataDir, config });
      const ann = (await first.agent({ name: 'Ann' })).socket;
      const { conversationId } = await shopperWhoLeft(first, ann, { email: 'kim@example.com' });
      await reply(ann, conversationId, 'Your refund is on its way');
      await eventually(() => first.app.store.mailOutbox.byId(`replies:${conversationId}`), (d) => d !== null, 'the mail queued');
      await first.close();
      expect(sink.mails).toHaveLength(0);

      // Restarted past the window: the stored mail goes out, once.
      const later = { now: () => Date.now() + 2 * 3600_000 };
      const second = await startTestServer({ dataDir, config, deps: { clock: later } });
      try {
        const mail = await sink.next((m) => m.to.includes('kim@example.com'));
        expect(mail.parsed.text).toContain('Your refund is on its way');
        await eventually(() => second.app.store.mailOutbox.byId(`replies:${conversationId}`), (d) => d === null, 'the outbox emptied');
        expect(await second.app.mail.drain()).toBe(0);
        expect(sink.mails).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      await sink.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('an SMTP failure is retried with backoff and never fails the reply', async () => {
    const sink = await startSmtpSink();
    const server = await startTestServer({ config: { smtpUrl: sink.url, mailBatchMs: 200 }, deps: { mail: { retryBaseMs: 300 } } });
    try {
      const ann = (await server.agent({ name: 'Ann' })).socket;
      const { conversationId } = await shopperWhoLeft(server, ann, { email: 'ola@example.com' });
      sink.refuseNext(1);
      await reply(ann, conversationId, 'Still here for you');
      await eventually(
        () => server.app.store.mailOutbox.byId(`replies:${conversationId}`),
        (d) => (d?.attempts ?? 0) >= 1,
        'a failed attempt recorded',
      );
      const mail = await sink.next((m) => m.to.includes('ola@example.com'));
      expect(mail.parsed.text).toContain('Still here for you');
      expect(sink.mails).toHaveLength(1);
    } finally {
      await server.close();
      await sink.close();
    }
  });
});

describe('without SMTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('the widget is told not to promise email, the console hears "on return", transcripts are refused', async () => {
    const shop = await server.visitor();
    expect(shop.session.config.email).toBe(false);
    const ann = (await server.agent({ name: 'Ann' })).socket;
    // Gone with an email, but nothing can mail it: the console says "when they return".
    await shopperWhoLeft(server, ann, { email: 'nosmtp@example.com', reach: 'on_return' });
    const again = await server.visitor();
    const own = ok(await visitorCommand(again.socket, 'conversation:start', {})).conversation.id;
    const refused = await visitorCommand(again.socket, 'conversation:email-transcript', { conversationId: own, email: 'a@example.com' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'email_unavailable' } });
  });
});
