/**
 * Issue 16, item 2: each person's console language, kept on the server. A person who never
 * chose gets the browser's (saved at sign-in); the switch re-renders the console in place.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseLocale, consoleLocale } from '../../src/i18n/locale.js';
import { clockTime, fullDate, money, shortDuration } from '../../src/lib/time-format.js';
import { renderConsole } from '../support/render-console.js';

afterEach(() => {
  cleanup();
  chooseLocale(null);
});

describe('console language', () => {
  it('saves the browser language for someone who never chose, and switches to Chinese in place', async () => {
    const h = await renderConsole();
    await screen.findByRole('link', { name: /Conversations/ });
    await waitFor(() => expect(h.apiState.me?.prefs.locale).toBe('en'));

    fireEvent.change(screen.getByRole('combobox', { name: /Language/ }), { target: { value: 'zh' } });
    await screen.findByRole('link', { name: /会话/ });
    expect(h.apiState.me?.prefs.locale).toBe('zh');
    expect(screen.getByRole('radio', { name: '在线' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(consoleLocale()).toBe('zh');
  });

  it('opens in the language the person chose, whatever the browser says', async () => {
    await renderConsole({ me: { prefs: { sound: true, desktop: true, locale: 'zh' } } });
    await screen.findByRole('link', { name: /会话/ });
    expect(screen.getByRole('button', { name: '退出登录' })).toBeTruthy();
  });

  it('formats durations, dates and money for the language', () => {
    const at = Date.UTC(2026, 2, 12, 6, 5);
    expect(shortDuration(125 * 60_000, 'zh')).toBe('2小时5分钟');
    expect(shortDuration(125 * 60_000, 'en')).toBe('2h 5m');
    expect(fullDate(at, 'zh')).toMatch(/2026年3月12日/);
    expect(clockTime(at, at + 30 * 86_400_000, 'zh')).toMatch(/3月12日/);
    expect(money(1234.5, 'CNY', 'zh')).toBe('¥1,234.50');
    expect(money(1234.5, 'USD', 'en')).toBe('$1,234.50');
  });
});
