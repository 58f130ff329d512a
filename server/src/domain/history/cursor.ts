/**
 * The keyset position a History page ends at: (sort key, id). Newer rows inserted meanwhile
 * sort before it, so the next page neither repeats nor skips a row because of them.
 */
import { z } from '@counter/shared/schemas';
import { AppError } from '../errors.js';

export interface Position {
  at: number;
  id: string;
}

const position = z.tuple([z.number().int().min(0), z.string().min(1).max(64)]);

export const encodeCursor = (p: Position): string => Buffer.from(JSON.stringify([p.at, p.id]), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): Position {
  try {
    const [at, id] = position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { at, id };
  } catch {
    throw new AppError('validation_failed', { issues: [{ path: 'cursor', message: 'not a cursor from this server' }] });
  }
}
