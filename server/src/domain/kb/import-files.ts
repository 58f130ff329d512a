/**
 * Knowledge-base import files -> raw article candidates, one per CSV row or Markdown article.
 * Nothing here validates fields: the service checks every candidate with the same schema as
 * the editor's form and reports each rejected row.
 *
 * CSV: a header row naming the columns title, body, locale, tags, questions (any order; title
 *   and body required). Tags are separated by `,` or `;`, questions by `|` or line breaks.
 * Markdown: either a `# Title` heading per article, optionally followed by `locale:`, `tags:`
 *   and `questions:` lines, then the body; or front matter blocks (`---` / `title: …` / `---`)
 *   each followed by its body.
 */
import { parse } from 'csv-parse/sync';

export interface Candidate {
  /** 1-based: CSV data row (header excluded) or article in a Markdown file. */
  row: number;
  fields: { title?: string; body?: string; locale?: string; tags: string[]; questions: string[] };
}

export type ParseOutcome = { candidates: Candidate[] } | { fileError: string };

const splitTags = (value: string | undefined) => (value ?? '').split(/[,;，；]/).map((t) => t.trim()).filter(Boolean);
const splitQuestions = (value: string | undefined) => (value ?? '').split(/[|\n]/).map((q) => q.trim()).filter(Boolean);

export function parseCsv(text: string): ParseOutcome {
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, relax_column_count: false });
  } catch (err) {
    return { fileError: `The CSV file could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (records.length > 0 && !('title' in records[0]! && 'body' in records[0]!)) {
    return { fileError: 'The CSV header must name the columns title and body (and optionally locale, tags, questions).' };
  }
  return {
    candidates: records.map((r, i) => ({
      row: i + 1,
      fields: { title: r.title, body: r.body, locale: r.locale || undefined, tags: splitTags(r.tags), questions: splitQuestions(r.questions) },
    })),
  };
}

const META = /^(title|locale|tags|questions)\s*:\s*(.*)$/i;

type Meta = Partial<Record<'title' | 'locale' | 'tags' | 'questions', string>>;

function candidate(row: number, meta: Meta, body: string): Candidate {
  return {
    row,
    fields: {
      title: meta.title?.trim(),
      body: body.trim(),
      locale: meta.locale?.trim() || undefined,
      tags: splitTags(meta.tags),
      questions: splitQuestions(meta.questions),
    },
  };
}

/** Reads `key: value` lines from the start of `lines`; returns how many it consumed. */
function readMeta(lines: string[], meta: Meta, stopAt?: string): number {
  let i = 0;
  for (; i < lines.length; i++) {
    if (stopAt !== undefined && lines[i]!.trim() === stopAt) return i;
    const m = META.exec(lines[i]!.trim());
    if (!m) {
      if (lines[i]!.trim() === '' && stopAt === undefined) continue;
      break;
    }
    meta[m[1]!.toLowerCase() as keyof Meta] = m[2]!;
  }
  return i;
}

function frontMatter(lines: string[]): ParseOutcome {
  const candidates: Candidate[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    if (lines[i]!.trim() !== '---') return { fileError: `Line ${i + 1}: expected "---" to open an article's front matter.` };
    const meta: Meta = {};
    const used = readMeta(lines.slice(i + 1), meta, '---');
    const close = i + 1 + used;
    if (lines[close]?.trim() !== '---') return { fileError: `Line ${close + 1}: expected "---" to close the front matter.` };
    let end = close + 1;
    while (end < lines.length && lines[end]!.trim() !== '---') end++;
    candidates.push(candidate(candidates.length + 1, meta, lines.slice(close + 1, end).join('\n')));
    i = end;
  }
  return { candidates };
}

function headings(lines: string[]): ParseOutcome {
  const starts = lines.flatMap((line, i) => (/^#\s+\S/.test(line) ? [i] : []));
  if (starts.length === 0) return { fileError: 'No article found: start each one with a "# Title" line or front matter.' };
  return {
    candidates: starts.map((start, n) => {
      const end = starts[n + 1] ?? lines.length;
      const meta: Meta = { title: lines[start]!.replace(/^#\s+/, '') };
      const rest = lines.slice(start + 1, end);
      const used = readMeta(rest, meta);
      return candidate(n + 1, meta, rest.slice(used).join('\n'));
    }),
  };
}

export function parseMarkdown(text: string): ParseOutcome {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const first = lines.find((l) => l.trim() !== '');
  return first?.trim() === '---' ? frontMatter(lines) : headings(lines);
}
