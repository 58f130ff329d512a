/**
 * The colour math behind the merchant's brand colour (WCAG 2.x): relative luminance, contrast
 * ratio, the text colour that stays readable on it, and whether the launcher can be seen on a
 * white page. One module for the server (what it bakes into widget.js), the console (the
 * warning) and the chat (its header).
 */

/** The dark text colour: as dark as #000 needs to be for 4.5:1 on every colour one of the two loses on. */
export const INK_DARK = '#000000';
export const INK_LIGHT = '#ffffff';
/** WCAG AA for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;
/** WCAG 1.4.11: a control must stand out from what surrounds it by 3:1. */
export const MIN_UI_CONTRAST = 3;

export const isHexColour = (value: string): boolean => /^#[0-9a-f]{6}$/i.test(value);

/** Relative luminance of `#rrggbb`, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * White or black, whichever contrasts more with the colour. Black and white meet at a
 * luminance of 0.179, where both give 4.58:1, so the winner is always at least 4.5:1.
 */
export function inkOn(background: string): string {
  return contrast(background, INK_LIGHT) >= contrast(background, INK_DARK) ? INK_LIGHT : INK_DARK;
}

/** A launcher this light disappears on a white page (the console warns). */
export const tooLightOnWhite = (colour: string): boolean => contrast(colour, INK_LIGHT) < MIN_UI_CONTRAST;
