/**
 * Start-up must not grow with the history (issue 9): `PRAGMA quick_check` reads every page,
 * so a database larger than `checkAtOpenBytes` opens after a check of its header and schema
 * only, and the whole-file check runs in the writer thread after the start. A damaged large
 * file is then reported once, with its name, through the store's logger. (A small damaged
 * file still refuses to start: embedded-sqlite.test.ts.)
 */
import { mkdtemp, open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConversationId } from '@counter/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openEmbedded } from '../../src/store/embedded/open-embedded.js';
import { openStore } from '../../src/store/open-store.js';
import { messageDoc, newTestId } from '../support/fixtures.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function storeWithMessages(): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-late-check-'));
  dirs.push(dataDir);
  const store = await openStore({ dataDir });
  const conversationId = newTestId() as ConversationId;
  await Promise.all(Array.from({ length: 200 }, (_, i) => store.messages.insert(messageDoc({ conversationId, seq: i + 1 }))));
  await store.close();
  return dataDir;
}

function recordingLog() {
  const infos: string[] = [];
  let reportError!: (line: { obj: object; msg: string }) => void;
  const error = new Promise<{ obj: object; msg: string }>((resolve) => (reportError = resolve));
  let reportInfo!: () => void;
  const checked = new Promise<void>((resolve) => (reportInfo = resolve));
  return {
    infos,
    error,
    checked,
    log: {
      info(_obj: object, msg: string) {
        infos.push(msg);
        if (/quick_check ok/.test(msg)) reportInfo();
      },
      warn() {},
      error: (obj: object, msg: string) => reportError({ obj, msg }),
    },
  };
}

describe('embedded store: the whole-file check of a large database after the start', () => {
  it('opens a sound file past the threshold and logs the check it ran after', async () => {
    const dataDir = await storeWithMessages();
    const { log, checked } = recordingLog();
    const db = await openEmbedded(dataDir, { log, checkAtOpenBytes: 0 });
    await checked;
    await db.close();
  });

  it('reports a damaged file past the threshold once, naming it', async () => {
    const dataDir = await storeWithMessages();
    const file = path.join(dataDir, DATABASE_FILE);
    const pageSize = 4096;
    const pages = (await stat(file)).size / pageSize;
    expect(pages).toBeGreaterThan(3);
    // The same damage embedded-sqlite.test.ts makes: the page-type flag of a page mid-file.
    const handle = await open(file, 'r+');
    await handle.write(Buffer.from([0x07]), 0, 1, Math.floor(pages / 2) * pageSize);
    await handle.close();

    const { log, error } = recordingLog();
    const db = await openEmbedded(dataDir, { log, checkAtOpenBytes: 0 });
    const reported = await error;
    expect(reported.msg).toContain(`${file} is damaged`);
    expect(reported.obj).toMatchObject({ file });
    await db.close();
  });
});
