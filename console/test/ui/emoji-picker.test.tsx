import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { agent, conversation, visitorProfile } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const ME = agent({ name: 'Ann Agent' });

/** Issue 17, item 6: emoji in the console's reply box, at the caret, by keyboard. */
describe('emoji picker in the reply box', () => {
  it('arrow keys and Enter put the emoji where the caret was; Esc closes', async () => {
    const c = conversation({ agentId: ME.id, agentName: ME.name });
    const profile = visitorProfile({ id: c.visitorId, name: 'Mei Chen' });
    await renderConsole({
      me: ME,
      setup: (t) =>
        t
          .answer('inbox:list', { items: [{ conversation: c, visitor: profile }] })
          .answer('conversation:open', { conversation: c, visitor: profile, previous: [] })
          .answer('message:history', { messages: [], hasMore: false })
          .handle('message:read', (p) => ({ ok: true, data: { seq: p.seq } })),
      hash: `#/c/${c.id}`,
    });
    const box = (await screen.findByRole('textbox', { name: 'Reply to the shopper' })) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'Thanks !' } });
    box.setSelectionRange(7, 7);
    fireEvent.click(screen.getByRole('button', { name: 'Emoji' }));
    // The picker is a lazy chunk, fetched on this first click.
    const picker = await screen.findByRole('dialog', { name: 'Emoji' }, { timeout: 5000 });
    const first = within(picker).getAllByRole('button')[0]!;
    await waitFor(() => expect(document.activeElement).toBe(first));
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const second = within(picker).getAllByRole('button')[1]!;
    expect(document.activeElement).toBe(second);
    fireEvent.click(second);
    expect(box.value).toBe('Thanks 😃!');
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Emoji' }));
    fireEvent.keyDown(within(screen.getByRole('dialog', { name: 'Emoji' })).getAllByRole('button')[0]!, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
  });
});
