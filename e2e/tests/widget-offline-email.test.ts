/**
 * Issue 17, item 2 in the browser: the leave-a-message form promises email only when the
 * server can send it; with SMTP, an agent's reply to a shopper who left arrives by mail (the
 * mail as received by a real SMTP server on loopback is rendered and photographed), and the
 * ended conversation offers its transcript by email.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { agentCommand, eventually, next, ok, startSmtpSink, type SmtpSink } from '@counter/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { launcher, shopPage } from '../support/widget.js';

const SHOTS = process.env.EMAIL_SHOTS_DIR ?? '/work/shots/email';
type Assigned = { item: { conversation: { id: string } } };

describe('without SMTP, the offline form promises no email', () => {
  const world = useShopWorld();

  it('says the answer comes here, and thanks without "we will reply to <email>"', async () => {
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/`);
    await launcher(page).click();
    const frame = page.frameLocator('counter-chat iframe');
    const email = frame.getByRole('textbox', { name: 'Email' });
    await email.waitFor();
    const form = frame.locator('form.card');
    expect(await form.innerText()).not.toMatch(/by email/i);
    await frame.getByText('we will answer here', { exact: false }).waitFor();
    await mkdir(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'widget-leave-message-no-smtp.png') });
    await email.fill('sam@example.com');
    await frame.getByRole('textbox', { name: 'Message' }).fill('Do you ship to Norway?');
    await frame.getByRole('button', { name: 'Send message' }).click();
    await frame.getByText('Thanks! We will answer here.').waitFor();
    expect(await frame.getByText('We will reply to').count()).toBe(0);
    await context.close();
  });
});

// Started before the servers that name it in their configuration.
const sink: SmtpSink = await startSmtpSink();
afterAll(() => sink.close());

describe('with SMTP', () => {
  const world = useShopWorld({ server: { config: { smtpUrl: sink.url, mailBatchMs: 500 } } });

  beforeAll(() => {
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
  });

  it('the reply to a shopper who left arrives by mail; the mail as received, rendered', async () => {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/`);
    await launcher(page).click();
    const frame = page.frameLocator('counter-chat iframe');
    const email = frame.getByRole('textbox', { name: 'Email' });
    await email.waitFor();
    await frame.getByText('Leave a message and we will reply by email.').waitFor();
    await email.fill('rae@example.com');
    await frame.getByRole('textbox', { name: 'Message' }).fill('Is the Trail Runner 2 waterproof?');
    await frame.getByRole('button', { name: 'Send message' }).click();
    await frame.getByText('Thanks! We will reply to rae@example.com.').waitFor();
    // The shopper leaves; an agent comes online later and answers.
    await context.close();
    const agent = await world.server.agent({ name: 'Ann', online: false });
    const assigned = next<Assigned>(agent.socket as never, 'conversation:assigned');
    ok(await agentCommand(agent.socket, 'agent:status', { status: 'online' }));
    const conversationId = (await assigned).item.conversation.id;
    await eventually(
      () => agentCommand(agent.socket, 'conversation:reach', { conversationId }),
      (a) => a.ok && a.data.reach === 'will_email',
      'the shopper gone',
    );
    for (const text of ['Yes, fully waterproof (Gore-Tex lining). 👟', 'It also comes in a wide fit.']) {
      ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text }));
    }
    const mail = await sink.next((m) => m.to.includes('rae@example.com'));
    expect(mail.parsed.subject).toBe('New reply from Trail shop');
    expect(mail.parsed.text).toContain('It also comes in a wide fit.');
    await mkdir(SHOTS, { recursive: true });
    await writeFile(path.join(SHOTS, 'offline-reply.eml'), mail.raw);
    await writeFile(path.join(SHOTS, 'offline-reply.html'), String(mail.parsed.html));
    const view = await world.browser.newPage({ viewport: { width: 700, height: 520 } });
    await view.setContent(String(mail.parsed.html));
    await view.screenshot({ path: path.join(SHOTS, 'offline-reply-mail.png') });
    // The mail's link opens the conversation, read-only.
    const link = /https?:\/\/\S+\/mail\/conversation\/[^\s"]+/.exec(mail.parsed.text ?? '')![0];
    const url = new URL(link);
    await view.goto(`${world.server.url}${url.pathname}${url.search}`);
    await view.getByText('Is the Trail Runner 2 waterproof?').waitFor();
    await view.screenshot({ path: path.join(SHOTS, 'offline-reply-link.png') });
    await view.close();
    agent.socket.disconnect();
  });

  it('the ended conversation offers its transcript by email', async () => {
    const agent = await world.server.agent({ name: 'Bo' });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.shop.origin}/`);
    await launcher(page).click();
    const frame = page.frameLocator('counter-chat iframe');
    const box = frame.getByRole('textbox', { name: 'Message' });
    await box.waitFor();
    const assigned = next<Assigned>(agent.socket as never, 'conversation:assigned');
    await box.fill('Where is order 1042?');
    await box.press('Enter');
    const conversationId = (await assigned).item.conversation.id;
    ok(await agentCommand(agent.socket, 'message:send', { conversationId, clientId: randomUUID(), text: 'It ships today.' }));
    ok(await agentCommand(agent.socket, 'conversation:resolve', { conversationId }));
    await frame.getByRole('button', { name: 'Email me this conversation' }).click();
    await frame.getByRole('textbox', { name: 'Your email' }).fill('kai@example.com');
    await frame.getByRole('button', { name: 'Email it' }).click();
    await frame.getByText('Sent. Check your inbox.').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'widget-transcript-sent.png') });
    const mail = await sink.next((m) => m.to.includes('kai@example.com'));
    expect(mail.parsed.text).toContain('You: Where is order 1042?');
    expect(mail.parsed.text).toContain('Bo: It ships today.');
    agent.socket.disconnect();
    await context.close();
  });
});
