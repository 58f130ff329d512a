/**
 * What of an article is embedded, and the key its vector is stored under (issue 13, item 2).
 * The key hashes the model with the text, so a changed article or a changed model finds no
 * vector and is embedded again; an unchanged one is never sent twice.
 */
import { createHash } from 'node:crypto';
import type { ArticleDoc } from '../../store/documents.js';
import { parseArticleBody, plainText } from './markdown.js';

/** Title, alternative questions and body text: what the benchmark reached hybrid 1.00 with. */
export function passageText(doc: Pick<ArticleDoc, 'title' | 'questions' | 'body'>): string {
  return [doc.title, ...doc.questions, plainText(parseArticleBody(doc.body))].join('\n');
}

export function passageKey(model: string, text: string): string {
  return createHash('sha256').update(model).update('\0').update(text).digest('base64url');
}

export function encodeVector(vector: readonly number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString('base64');
}

export function decodeVector(encoded: string): number[] {
  const bytes = Buffer.from(encoded, 'base64');
  // Copied out: a Buffer's offset in Node's pool need not be 4-aligned for a Float32Array view.
  return Array.from(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
}
