import type { HistoryItem, HistoryResultPage } from '@counter/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../src/api/http-client.js';
import { agent, conversation, message, summary, visitorProfile, visitorSummary } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(cleanup);

const page = (items: HistoryItem[], cursor: string | null = null): Result<HistoryResultPage> => ({ ok: true, data: { items, cursor } });

function found(text: string, highlights: [number, number][], over: Parameters<typeof conversation>[0] = {}): HistoryItem {
  const c = conversation({ status: 'resolved', agentName: 'Bob', ...over });
  return {
    conversation: c,
    visitor: visitorSummary({ id: c.visitorId, name: 'Mei Chen' }),
    matches: [{ messageId: `m-${c.id}` as never, seq: 1, kind: 'text', author: 'visitor', createdAt: c.createdAt, snippet: text, highlights }],
  };
}

describe('History page (issue 16)', () => {
  it('searches, shows the matching line with its highlight as text, pages on and opens a read-only transcript', async () => {
    const first = found('我的快递到哪了', [[2, 4]]);
    const second = found('<img src=x onerror=alert(1)> 快递', [[29, 31]]);
    const h = await renderConsole({
      hash: '#/history',
      api: {
        history: (q) => (q.cursor === 'next' ? page([second]) : q.q ? page([first], 'next') : page([])),
      },
      setup: (t) =>
        t
          .answer('agents:list', { agents: [summary({ name: 'Bob' })] })
          .answer('message:history', { messages: [message({ conversationId: first.conversation.id, seq: 1, text: '我的快递到哪了' })], hasMore: false }),
    });
    expect(await screen.findByRole('heading', { name: 'History' })).toBeTruthy();
    await screen.findByText('No conversations match.');

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search messages' }), { target: { value: '快递' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    const mark = await screen.findByText('快递', { selector: 'mark' });
    expect(mark.parentElement?.textContent).toBe('我的快递到哪了');
    expect(h.apiState.historyQueries.at(-1)).toEqual({ q: '快递' });

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    // User text is text: the would-be tag is shown, never made an element.
    await screen.findByText('<img src=x onerror=alert(1)>', { exact: false });
    expect(document.querySelector('.history-page img')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(h.apiState.historyQueries.at(-1)).toEqual({ q: '快递', cursor: 'next' });

    fireEvent.click(screen.getAllByRole('button', { name: /Mei Chen/ })[0]!);
    const transcript = await screen.findByRole('region', { name: 'Read-only transcript' });
    await within(transcript).findByText('我的快递到哪了');
    // Read-only: nothing to type into, no way into the inbox for a resolved conversation.
    expect(within(transcript).queryByRole('textbox')).toBeNull();
    expect(within(transcript).queryByRole('link', { name: 'Open in the inbox' })).toBeNull();
  });

  it('sends the filters with the search', async () => {
    const h = await renderConsole({ hash: '#/history', setup: (t) => t.answer('agents:list', { agents: [summary({ id: 'a-bob' as never, name: 'Bob' })] }) });
    await screen.findByRole('heading', { name: 'History' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'resolved' } });
    await screen.findByRole('option', { name: 'Bob' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Agent' }), { target: { value: 'a-bob' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Rating' }), { target: { value: '5' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Tag' }), { target: { value: 'Refund' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(h.apiState.historyQueries.at(-1)).toEqual({ status: 'resolved', agentId: 'a-bob', score: 5, tag: 'refund' }));
  });

  it('lists all conversations of one customer from the shopper panel', async () => {
    const me = agent();
    const c = conversation({ agentId: me.id });
    const visitor = visitorProfile({ id: c.visitorId, name: 'Mei Chen' });
    const h = await renderConsole({
      me,
      hash: `#/c/${c.id}`,
      setup: (t) =>
        t
          .answer('conversation:open', { conversation: c, visitor, previous: [] })
          .answer('message:history', { messages: [], hasMore: false })
          .answer('agents:list', { agents: [] }),
    });
    const panel = await screen.findByRole('complementary', { name: 'Shopper' });
    const link = await within(panel).findByRole('link', { name: 'All conversations with this customer' });
    expect(link.getAttribute('href')).toBe(`#/history/shopper/${encodeURIComponent(c.visitorId)}`);
    h.location.set(link.getAttribute('href')!);
    expect(await screen.findByRole('heading', { name: 'All conversations with this customer' })).toBeTruthy();
    await waitFor(() => expect(h.apiState.historyQueries.at(-1)).toEqual({ visitorId: c.visitorId }));
  });
});
