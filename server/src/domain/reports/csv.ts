/**
 * CSV for spreadsheets (RFC 4180 quoting). A cell a spreadsheet would run as a formula
 * (starting with = + - @, or a tab/CR that some apps strip first) gets a leading apostrophe:
 * a shopper's tag or a name must never execute in the merchant's Excel.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (cells: (string | number | null | undefined)[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** Excel reads UTF-8 (and so Chinese) only with this mark first. */
export const BOM = '\uFEFF';
