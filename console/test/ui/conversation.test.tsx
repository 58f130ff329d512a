import type { Conversation, Message } from '@counter/shared';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeTransport } from '../support/fake-transport.js';
import { agent, canned, conversation, message, summary, visitorProfile } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';
import { until } from '../support/console-harness.js';

afterEach(cleanup);

const ME = agent({ name: 'Ann Agent' });

function openConversation(messages: (c: Conversation) => Message[], over: Partial<Conversation> = {}, visitor = {}) {
  const c = conversation({ agentId: ME.id, agentName: ME.name, ...over });
  const profile = visitorProfile({ id: c.visitorId, name: 'Mei Chen', ...visitor });
  return {
    c,
    setup: (t: FakeTransport) =>
      t
        .answer('inbox:list', { items: [{ conversation: c, visitor: profile }] })
        .answer('conversation:open', { conversation: c, visitor: profile, previous: [] })
        .answer('message:history', { messages: messages(c), hasMore: false })
        .handle('message:read', (p) => ({ ok: true, data: { seq: p.seq } })),
  };
}

describe('conversation view', () => {
  it('shows HTML a shopper wrote as text, and only http(s) links', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b> https://shop.test/x javascript:alert(1)';
    const { c, setup } = openConversation((c) => [message({ conversationId: c.id, seq: 1, text: hostile })], {}, { name: '<script>alert(1)</script>' });
    const h = await renderConsole({ me: ME, setup, hash: `#/c/${c.id}` });
    const log = await screen.findByRole('log', { name: 'Messages' });
    const text = await within(log).findByText((_, el) => el?.classList.contains('msg-text') === true);
    expect(text.textContent).toBe(hostile);
    expect(text.querySelector('img, b')).toBeNull();
    expect([...text.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://shop.test/x']);
    expect(h.view.container.querySelector('script')).toBeNull();
    expect(screen.getAllByText('<script>alert(1)</script>').length).toBeGreaterThan(0);
  });

  it('shows internal notes apart from replies, and system events as words', async () => {
    const { c, setup } = openConversation((c) => [
      message({ conversationId: c.id, seq: 1, text: 'Hi' }),
      message({ conversationId: c.id, seq: 2, author: 'system', kind: 'event', text: '', event: { type: 'assigned', agentName: 'Ann Agent' } }),
      message({ conversationId: c.id, seq: 3, author: 'agent', agentId: ME.id, kind: 'note', text: 'VIP, be generous' }),
      message({ conversationId: c.id, seq: 4, author: 'agent', agentId: ME.id, text: 'Hello Mei' }),
    ], { visitorReadSeq: 4 });
    await renderConsole({ me: ME, setup, hash: `#/c/${c.id}` });
    const note = (await screen.findByText('VIP, be generous')).closest('.msg')!;
    expect(note.classList.contains('msg-note')).toBe(true);
    expect(within(note as HTMLElement).getByText('Internal note')).toBeTruthy();
    expect(screen.getByText('Assigned to Ann Agent')).toBeTruthy();
    const reply = screen.getByText('Hello Mei').closest('.msg')!;
    expect(reply.classList.contains('msg-out')).toBe(true);
    expect(within(reply as HTMLElement).getByTitle('Seen by the shopper')).toBeTruthy();
  });

  it('expands a canned reply from /shortcut with the shopper’s and agent’s names', async () => {
    const { c, setup } = openConversation(() => []);
    const h = await renderConsole({
      me: ME,
      setup,
      hash: `#/c/${c.id}`,
      api: { canned: [canned({ shortcut: 'hi', title: 'Greeting', text: 'Hi {{visitor.name}}, {{agent.name}} here.' })] },
    });
    const box = (await screen.findByLabelText('Reply to the shopper')) as HTMLTextAreaElement;
    await until(() => h.app.stores.canned.getState().loaded);
    box.value = '/h';
    box.setSelectionRange(2, 2);
    fireEvent.input(box);
    const option = await screen.findByRole('option', { name: /\/hi/ });
    expect(option.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('Hi Mei Chen, Ann Agent here.');
    expect(h.transport.callsOf('message:send')).toEqual([]);
  });

  it('sends on Enter and shows typing from both sides', async () => {
    const { c, setup } = openConversation(() => []);
    const h = await renderConsole({
      me: ME,
      setup: (t) => {
        setup(t);
        t.handle('typing:set', () => ({ ok: true, data: null })).handle('message:send', (p) => ({
          ok: true,
          data: { message: message({ conversationId: c.id, seq: 9, clientId: p.clientId as never, text: p.text, author: 'agent', agentId: ME.id }) },
        }));
      },
      hash: `#/c/${c.id}`,
    });
    const box = (await screen.findByLabelText('Reply to the shopper')) as HTMLTextAreaElement;
    box.value = 'On its way';
    fireEvent.input(box);
    expect(h.transport.callsOf('typing:set')).toEqual([{ conversationId: c.id, typing: true }]);
    fireEvent.keyDown(box, { key: 'Enter' });
    await screen.findByText('On its way', { selector: '.msg-out .msg-text' });
    expect(h.transport.callsOf('message:send')[0]).toMatchObject({ conversationId: c.id, text: 'On its way', internal: false });
    expect(h.transport.callsOf('typing:set').at(-1)).toEqual({ conversationId: c.id, typing: false });

    h.transport.emit('typing:changed', { conversationId: c.id, typing: true });
    expect(await screen.findByText('Shopper is typing…')).toBeTruthy();
  });

  it('transfer dialog lists only agents online with a free slot, plus the queue', async () => {
    const { c, setup } = openConversation(() => []);
    const agents = [
      summary({ id: ME.id, name: ME.name }),
      summary({ name: 'Free Fran', load: 1, capacity: 3 }),
      summary({ name: 'Full Fred', load: 2, capacity: 2 }),
      summary({ name: 'Away Amy', status: 'away' }),
      summary({ name: 'Closed Cal', connected: false }),
    ];
    const h = await renderConsole({
      me: ME,
      setup: (t) => {
        setup(t);
        t.answer('agents:list', { agents }).handle('conversation:transfer', (p) => ({
          ok: true,
          data: { conversation: { ...c, agentId: p.toAgentId as never, lastSeq: c.lastSeq + 1 } },
        }));
      },
      hash: `#/c/${c.id}`,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Transfer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Transfer conversation' });
    await within(dialog).findByText('Free Fran');
    const choices = within(dialog).getAllByRole('radio').map((r) => r.closest('label')!.querySelector('.choice-name')!.textContent);
    expect(choices).toEqual(['Free Fran', 'Back to the queue']);
    expect(within(dialog).getByText('3 other agents are away, offline or full.')).toBeTruthy();

    fireEvent.input(within(dialog).getByLabelText(/Note for the next agent/), { target: { value: 'Wants a refund' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Transfer' }));
    await until(() => h.transport.callsOf('conversation:transfer').length === 1);
    expect(h.transport.callsOf('conversation:transfer')[0]).toEqual({ conversationId: c.id, toAgentId: agents[1]!.id, note: 'Wants a refund' });
  });

  it('resolves with the button and shows the rating when it arrives', async () => {
    const { c, setup } = openConversation(() => []);
    const resolved = { ...c, status: 'resolved' as const, lastSeq: 1 };
    const h = await renderConsole({
      me: ME,
      setup: (t) => {
        setup(t);
        t.answer('conversation:resolve', { conversation: resolved });
      },
      hash: `#/c/${c.id}`,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Resolve' }));
    await screen.findByRole('button', { name: 'Reopen' });
    h.transport.emit('conversation:updated', { conversation: { ...resolved, lastSeq: 2, rating: { score: 4, comment: 'Quick, thanks', at: 1 } } });
    expect((await screen.findAllByText('Rated 4/5')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('“Quick, thanks”').length).toBeGreaterThan(0);
  });
});
