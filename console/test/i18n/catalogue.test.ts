/**
 * Issue 16, item 2: every English key has a Chinese one of the same kind (`zh: typeof en`
 * checks most of this at compile time; this catches empty strings, lists of another length
 * and keys added to a record typed loosely), and Chinese entries are not left in English.
 */
import { describe, expect, it } from 'vitest';
import { TABLES } from '../../src/i18n/catalogue.js';

function problems(en: unknown, zh: unknown, path: string): string[] {
  if (typeof en === 'function') return typeof zh === 'function' ? [] : [`${path}: not a function in zh`];
  if (typeof en === 'string') {
    if (typeof zh !== 'string' || !zh.trim()) return [`${path}: missing in zh`];
    return [];
  }
  if (en && typeof en === 'object') {
    if (!zh || typeof zh !== 'object') return [`${path}: missing in zh`];
    if (Array.isArray(en) && (!Array.isArray(zh) || zh.length !== en.length)) return [`${path}: list of another length in zh`];
    return Object.keys(en).flatMap((k) => problems((en as Record<string, unknown>)[k], (zh as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return [];
}

describe('console catalogue', () => {
  it('has every key in Chinese', () => {
    const missing = Object.entries(TABLES).flatMap(([name, t]) => problems(t.en, t.zh, name));
    expect(missing).toEqual([]);
  });

  it('has Chinese text in the Chinese tables (a few names stay as they are)', () => {
    const SAME = /^(VIP|Node|PHP|Python|Counter.*|Enter|English|中文.*)$/;
    const english: string[] = [];
    const walk = (en: unknown, zh: unknown, path: string) => {
      if (typeof en === 'string' && en === zh && en.trim() && !SAME.test(en) && /[a-z]{3}/i.test(en)) english.push(path);
      else if (en && typeof en === 'object' && zh && typeof zh === 'object')
        for (const k of Object.keys(en)) walk((en as Record<string, unknown>)[k], (zh as Record<string, unknown>)[k], `${path}.${k}`);
    };
    for (const [name, t] of Object.entries(TABLES)) walk(t.en, t.zh, name);
    expect(english).toEqual([]);
  });
});
