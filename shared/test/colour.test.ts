import { describe, expect, it } from 'vitest';
import { contrast, INK_DARK, INK_LIGHT, inkOn, luminance, MIN_TEXT_CONTRAST, tooLightOnWhite } from '../src/look/colour.js';

const hex = (n: number) => '#' + n.toString(16).padStart(6, '0');

describe('brand colour math (WCAG 2.x)', () => {
  it('gives the known luminance and contrast figures', () => {
    expect(luminance('#000000')).toBe(0);
    expect(luminance('#ffffff')).toBeCloseTo(1, 10);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    // #767676 is the lightest grey with 4.5:1 on white.
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('picks white on dark and black on light brand colours', () => {
    expect(inkOn('#1d4ed8')).toBe(INK_LIGHT);
    expect(inkOn('#facc15')).toBe(INK_DARK);
    expect(inkOn('#ffffff')).toBe(INK_DARK);
  });

  it('keeps the chosen text at 4.5:1 or better on every colour (a sweep of the cube)', () => {
    let worst = 21;
    for (let n = 0; n <= 0xffffff; n += 0x030507) {
      const c = hex(n);
      worst = Math.min(worst, contrast(c, inkOn(c)));
    }
    expect(worst).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it('warns about colours a white page swallows', () => {
    expect(tooLightOnWhite('#fde68a')).toBe(true);
    expect(tooLightOnWhite('#ffffff')).toBe(true);
    expect(tooLightOnWhite('#1d4ed8')).toBe(false);
  });
});
