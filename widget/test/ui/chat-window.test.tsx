/**
 * The chat window as a shopper sees and uses it, against the in-memory server: what is
 * written on screen, what the controls are called, what happens on click and Enter.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/frame/ui/App';
import { FakeBackend } from '../support/fake-backend';
import { startChat, type ChatOptions } from '../support/chat';

afterEach(cleanup);

async function open(options: ChatOptions = {}) {
  const chat = startChat(options);
  render(<App store={chat.store} session={chat.session} />);
  await chat.session.start();
  await vi.waitFor(() => expect(chat.state().connection).toBe('online'));
  return chat;
}

function write(text: string, label = 'Message') {
  const box = screen.getByRole('textbox', { name: label }) as HTMLTextAreaElement;
  box.value = text;
  fireEvent.input(box);
  fireEvent.keyDown(box, { key: 'Enter' });
}

describe('the chat window', () => {
  it('greets, says who is online, and shows each message with its state', async () => {
    const chat = await open();
    expect(screen.getByRole('heading', { name: 'Trail shop' })).toBeTruthy();
    expect(screen.getByText('We are online · Typically replies in 2 min')).toBeTruthy();
    expect(screen.getByText('Hello from the shop')).toBeTruthy();

    write('Do you ship to Lyon?');
    expect(screen.getByText('Do you ship to Lyon?')).toBeTruthy();
    const mine = screen.getByText('Do you ship to Lyon?').closest('li')!;
    expect(within(mine).getByText(/Sending…/)).toBeTruthy();
    await within(mine).findByText(/· Sent$/);
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('');

    chat.backend.assign('Ann');
    chat.backend.agentSays('Yes, in 2 days.');
    await screen.findByText('Yes, in 2 days.');
    expect(screen.getByText('Ann is helping you')).toBeTruthy();
    expect(screen.getByText('Ann joined the conversation')).toBeTruthy();
    expect(within(screen.getByText('Yes, in 2 days.').closest('li')!).getByText(/^Ann ·/)).toBeTruthy();
    // Screen readers hear the reply without moving focus.
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toBe('Ann: Yes, in 2 days.');

    chat.backend.update({ agentReadSeq: 1 });
    await within(mine).findByText(/· Read$/);
  });

  it('shows the agent typing, and the place in the queue with the expected wait', async () => {
    const chat = await open();
    write('hello');
    await vi.waitFor(() => expect(chat.state().conversation).not.toBeNull());
    const conversationId = chat.state().conversation!.id;
    chat.backend.emit('queue:position', { conversationId, position: 3, etaSeconds: 240 });
    expect((await screen.findByRole('status')).textContent).toBe('You are number 3 in line · about 4 min wait');

    chat.backend.assign('Ann');
    chat.backend.emit('typing:changed', { conversationId, typing: true, name: 'Ann' });
    await screen.findByText('Ann is typing…');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says when it is offline, and offers a retry for a refused message', async () => {
    const chat = await open();
    chat.backend.goOffline();
    await screen.findByText('You are offline. Messages will be sent when the connection is back.');
    write('queued');
    expect(within(screen.getByText('queued').closest('li')!).getByText(/Sending…/)).toBeTruthy();

    chat.backend.refuseNext['message:send'] = 'rate_limited';
    chat.backend.goOnline();
    await screen.findByText('Not sent');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await within(screen.getByText('queued').closest('li')!).findByText(/· Sent$/);
    expect(chat.backend.texts()).toEqual(['queued']);
  });

  it('renders every text as text and links only http(s) addresses', async () => {
    const chat = await open();
    write('hi');
    await vi.waitFor(() => expect(chat.state().conversation).not.toBeNull());
    chat.backend.agentSays('<img src=x onerror=alert(1)> see https://shop.example/returns. or javascript:alert(1)');
    const bubble = (await screen.findByText(/see/, { selector: '.bubble' })).closest('.bubble')!;
    expect(bubble.querySelector('img')).toBeNull();
    const links = within(bubble as HTMLElement).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://shop.example/returns']);
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(bubble.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(bubble.textContent).toContain('javascript:alert(1)');
  });

  it('offers a leave-a-message form when nobody is online', async () => {
    await open({ backend: new FakeBackend({ availability: { agentsOnline: 0, open: true, typicalReplySeconds: null }, email: true }) });
    expect(screen.getByText('Nobody is online right now')).toBeTruthy();
    await screen.findByText('Leave a message and we will reply by email.');
    const email = (await screen.findByRole('textbox', { name: 'Email' })) as HTMLInputElement;
    email.value = 'mia@example.com';
    (screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value = 'Please call me back';
    fireEvent.submit(email.form!);
    await screen.findByText('Thanks! We will reply to mia@example.com.');
    expect(screen.getByText('Please call me back')).toBeTruthy();
  });

  it('asks for a rating when the conversation ends, keeps the composer, then starts a new one', async () => {
    const chat = await open();
    write('hi');
    await vi.waitFor(() => expect(chat.backend.texts()).toEqual(['hi']));
    chat.backend.resolve();
    await screen.findByText('This conversation has ended.');
    // The shopper can still write: that starts the next conversation (session tests).
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();

    // Small until a star is picked: the comment and its button come then.
    await screen.findByRole('radio', { name: '4 of 5' });
    expect(screen.queryByRole('button', { name: 'Send rating' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: '4 of 5' }));
    const send = await screen.findByRole('button', { name: 'Send rating' });
    (screen.getByRole('textbox', { name: 'Comment (optional)' }) as HTMLTextAreaElement).value = 'Helpful';
    fireEvent.submit(send.closest('form')!);
    await screen.findByText('Thanks for your feedback!');
    expect(chat.backend.conversations[0]!.rating).toMatchObject({ score: 4, comment: 'Helpful' });

    fireEvent.click(screen.getByRole('button', { name: 'Start a new conversation' }));
    await vi.waitFor(() => expect(screen.queryByText('This conversation has ended.')).toBeNull());
    expect(screen.queryByText('hi')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    const chat = await open({ locale: 'zh' });
    expect(screen.getByText('您好，欢迎光临')).toBeTruthy();
    expect(screen.getByText('客服在线 · 通常在 2 分钟 内回复')).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭聊天' })).toBeTruthy();
    write('你好', '消息');
    await within(screen.getByText('你好').closest('li')!).findByText(/已发送/);
    chat.backend.assign('王芳');
    await screen.findByText('王芳 正在为您服务');
  });

  it('closes on Esc and from its close button, and switches the sound', async () => {
    const chat = await open();
    fireEvent.keyDown(document, { key: 'Escape' });
    fireEvent.click(screen.getByRole('button', { name: 'Close chat' }));
    expect(chat.posted.filter((m) => m.t === 'close')).toHaveLength(2);

    const sound = screen.getByRole('button', { name: 'Notification sound' });
    expect(sound.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(sound);
    expect(sound.getAttribute('aria-pressed')).toBe('true');
    expect(chat.kept.sound).toBe('1');
  });

  it('moves focus into the chat when it opens', async () => {
    const chat = await open({ open: false });
    expect(document.activeElement).toBe(document.body);
    chat.session.setOpen(true);
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Message' })));
  });

  it('shows earlier messages on request', async () => {
    const backend = new FakeBackend();
    const first = startChat({ backend });
    await first.session.start();
    await vi.waitFor(() => expect(first.state().connection).toBe('online'));
    first.session.send('first question');
    await vi.waitFor(() => expect(backend.texts()).toHaveLength(1));
    for (let i = 1; i <= 55; i++) backend.agentSays(`answer ${i}`);
    backend.goOffline();

    await open({ backend, token: first.token() });
    await screen.findByText('answer 55');
    expect(screen.queryByText('first question')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show earlier messages' }));
    await screen.findByText('first question');
    expect(screen.queryByRole('button', { name: 'Show earlier messages' })).toBeNull();
  });
});
