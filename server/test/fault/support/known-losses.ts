/**
 * Issue 9: the nedb + journal embedded store loses acknowledged messages to torn writes and a
 * full disk. While it is the store on this branch, those scenarios are expected to fail (and
 * do: `it.fails` turns green if they ever stop failing); once SQLite replaces it, the same
 * scenarios must pass as they are.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

export const JOURNAL_STORE = existsSync(fileURLToPath(new URL('../../../src/store/embedded/journal.ts', import.meta.url)));

/**
 * `it`, or `it.fails` on the journal store, whose losses issue 9 describes. FAULT_STRICT=1
 * runs them as plain tests, to see how they fail.
 */
export const itUnlessJournal: typeof it = JOURNAL_STORE && !process.env.FAULT_STRICT ? (it.fails as typeof it) : it;
