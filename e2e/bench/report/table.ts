/**
 * Tables: one row per metric, a column per target, and after each product column its ratio
 * to the relay on the same row. Rendered as aligned text (terminal) or Markdown (README).
 */
import type { TargetName } from '../servers/deploy.js';

export interface Row {
  label: string;
  values: Partial<Record<TargetName, number | null>>;
  /** Decimals to show. */
  digits?: number;
  /** No ratio on this row (the relay has no such thing). */
  noRatio?: boolean;
}

export interface Table {
  title: string;
  targets: TargetName[];
  rows: Row[];
  notes?: string[];
}

const fmt = (value: number | null | undefined, digits: number): string =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toFixed(digits);

export function ratioOf(product: number | null | undefined, relay: number | null | undefined): number | null {
  if (product === null || product === undefined || relay === null || relay === undefined || !relay) return null;
  return product / relay;
}

const RATIO_HEADER: Record<TargetName, string> = { relay: '', embedded: 'emb/relay', nofsync: 'nofsync/relay', mongodb: 'mongo/relay' };

function cells(table: Table): string[][] {
  const withRatio = (t: TargetName) => t !== 'relay' && table.targets.includes('relay');
  const header = ['', ...table.targets.flatMap((t) => (withRatio(t) ? [t, RATIO_HEADER[t]] : [t]))];
  const body = table.rows.map((row) => [
    row.label,
    ...table.targets.flatMap((t) => {
      const cell = fmt(row.values[t], row.digits ?? 1);
      if (!withRatio(t)) return [cell];
      const r = row.noRatio ? null : ratioOf(row.values[t], row.values.relay);
      return [cell, r === null ? '' : `${r.toFixed(2)}x`];
    }),
  ]);
  return [header, ...body];
}

export function renderText(table: Table): string {
  const [header, ...body] = cells(table);
  const widths = header!.map((_, i) => Math.max(...[header!, ...body].map((r) => r[i]!.length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [table.title, line(header!), ...body.map(line), ...(table.notes ?? []).map((n) => `  ${n}`)].join('\n');
}

export function renderMarkdown(table: Table): string {
  const [header, ...body] = cells(table);
  const row = (r: string[]) => `| ${r.join(' | ')} |`;
  return [
    `**${table.title}**`,
    '',
    row(header!),
    row(header!.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...body.map(row),
    ...(table.notes?.length ? ['', ...table.notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}
