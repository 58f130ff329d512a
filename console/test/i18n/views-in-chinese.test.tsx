/** Issue 16, item 2: the main views, rendered for a person who chose Chinese, speak Chinese. */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLocale } from '../../src/i18n/locale.js';
import { agent, conversation, message, visitorProfile } from '../support/fixtures.js';
import { renderConsole } from '../support/render-console.js';

afterEach(() => {
  cleanup();
  chooseLocale(null);
});

const ME = agent({ name: 'Ann', role: 'agent', prefs: { sound: true, desktop: true, locale: 'zh' } });

describe('views in Chinese', () => {
  it('inbox, conversation, composer and shopper panel', async () => {
    const c = conversation({ agentId: ME.id, agentName: ME.name });
    const profile = visitorProfile({ id: c.visitorId, name: 'Mei Chen' });
    await renderConsole({
      me: ME,
      hash: `#/c/${c.id}`,
      setup: (t) =>
        t
          .answer('inbox:list', { items: [{ conversation: c, visitor: profile }] })
          .answer('conversation:open', { conversation: c, visitor: profile, previous: [] })
          .answer('message:history', { messages: [message({ conversationId: c.id, seq: 1, text: '你好' })], hasMore: false })
          .handle('message:read', (p) => ({ ok: true, data: { seq: p.seq } })),
    });
    await screen.findByRole('log', { name: '消息' });
    expect(screen.getByRole('tab', { name: /我的/ })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /排队/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: '转接' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '解决' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '回复顾客' })).toBeTruthy();
    const panel = screen.getByRole('complementary', { name: '顾客' });
    expect(within(panel).getByText('历史会话')).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: '我的状态' })).toBeTruthy();
    await screen.findByText('你好');
  });
});
