/**
 * The data folder on a small tmpfs that stops accepting writes during the sends: filled by
 * another file (a full disk), or its size limit lowered to what is in use (writes refused with
 * no file to blame). Sends get an error ack, never `ok` for a message that is not stored;
 * nothing that fails is ever shown; the server stays up; once space returns it recovers by
 * itself (the outboxes drain, /ready is 200), and after a kill -9 every acked message is there.
 *
 * An EIO or EROFS cannot be injected here: remounting the tmpfs read-only fails with EBUSY
 * while the store holds its files open for writing, and this kernel has no device-mapper
 * (dm-error / dm-flakey). ENOSPC through the size limit is the injected write error.
 */
import { statfs, unlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect } from 'vitest';
import { eventually } from '../support/wait.js';
import { closeRuns, expectEverythingOnce, startRun } from './support/fault-run.js';
import { itUnlessJournal } from './support/known-losses.js';
import { mountTmpfs, type Tmpfs } from './support/tmpfs.js';

/** Room for the store's normal growth (SQLite's WAL checkpoints at ~4 MB); the faults take the rest. */
const DISK = '16m';
const ERRORS_TO_SEE = 20;

interface Fault {
  inject(disk: Tmpfs): Promise<void>;
  release(disk: Tmpfs): Promise<void>;
}

async function runDiskFault(scenario: string, fault: Fault, skip: (reason: string) => void): Promise<void> {
  const mounted = await mountTmpfs(DISK);
  if ('skipped' in mounted) return skip(mounted.skipped);
  mounts.push(mounted);
  const run = await startRun({ dataDir: path.join(mounted.dir, 'data') });
  const { server, fleet } = run;

  await fleet.ackedAtLeast(Math.round(run.total * 0.2));
  await fault.inject(mounted);
  await fleet.errorAcksAtLeast(ERRORS_TO_SEE);
  const refused = await fleet.look();
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  console.log(`[fault] ${scenario}: ${fleet.errorAckCount} error acks, ${fleet.acked} acked; ${refused} of 20 history reads refused while failing`);

  await fault.release(mounted);
  await fleet.drained();
  // Checked last, so that the books below are printed either way.
  const readyAgain = await eventually(() => server.ready(), (status) => status === 200, '/ready', 30_000).then(
    () => 'ready',
    (err: Error) => err.message,
  );
  await server.crash();
  await server.start();
  await expectEverythingOnce(run, scenario);
  expect(Object.keys(fleet.errorAcks())).toEqual(['store_unavailable']);
  expect(readyAgain, 'recovered without a restart').toBe('ready');
}

const mounts: Tmpfs[] = [];
afterEach(async () => {
  await closeRuns(); // the server first: it holds files on the mount
  for (const disk of mounts.splice(0)) await disk.unmount();
});

describe('the disk stops taking writes during the sends (embedded store)', () => {
  // Journal store: acked retries of failed writes are lost after the restart (issue 9).
  itUnlessJournal('full disk: error acks while full, recovers by itself when space returns', async (ctx) => {
    await runDiskFault(
      'full disk (filler file on a 16 MB tmpfs)',
      {
        inject: (disk) => disk.fill('filler').then(() => {}),
        release: (disk) => unlink(path.join(disk.dir, 'filler')),
      },
      (reason) => ctx.skip(reason),
    );
  });

  itUnlessJournal('writes refused (size limit lowered to the usage): same', async (ctx) => {
    await runDiskFault(
      'injected ENOSPC (tmpfs size limit lowered to its usage)',
      {
        async inject(disk) {
          // The store keeps writing while we measure: retry until the limit sticks.
          await eventually(
            async () => {
              const { blocks, bfree, bsize } = await statfs(disk.dir);
              return disk.resize(String((blocks - bfree) * bsize)).then(
                () => true,
                () => false,
              );
            },
            (done) => done,
            'the tmpfs limit to drop to its usage',
          );
        },
        release: (disk) => disk.resize(DISK),
      },
      (reason) => ctx.skip(reason),
    );
  });
});
