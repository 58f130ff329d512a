// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { launcherText, pickLocale } from '../../src/i18n/catalogue';
import { formatTime, formatWait, text } from '../../src/i18n/text';

describe('catalogue', () => {
  it('fills placeholders in both languages', () => {
    expect(text('en', 'queue', { n: 2 })).toBe('You are number 2 in line');
    expect(text('zh', 'queue', { n: 2 })).toBe('您排在第 2 位');
    expect(text('zh', 'typing', { name: '王芳' })).toBe('王芳 正在输入…');
    expect(launcherText.zh).toBe('在线咨询');
  });

  it('picks data-locale, then the browser, then the site', () => {
    expect(pickLocale('zh', ['en-US'], 'en')).toBe('zh');
    expect(pickLocale(null, ['fr', 'zh-TW'], 'en')).toBe('zh');
    expect(pickLocale(null, ['fr'], 'zh')).toBe('zh');
    expect(pickLocale('fr', ['en-GB'], 'zh')).toBe('en');
  });

  it('formats times and waits for the locale', () => {
    const at = new Date(2025, 2, 2, 15, 5).getTime();
    expect(formatTime('en', at, at)).toMatch(/^3:05\s?PM$/);
    expect(formatTime('zh', at, at)).toBe('15:05');
    expect(formatTime('zh', at, at + 3 * 86_400_000)).toMatch(/^3月2日\s?15:05$/);
    expect(formatTime('en', at, at + 3 * 86_400_000)).toMatch(/^Mar 2, 3:05\s?PM$/);
    expect(formatWait('en', 20)).toBe('under a minute');
    expect(formatWait('en', 170)).toBe('3 min');
    expect(formatWait('zh', 170)).toBe('3 分钟');
  });
});
