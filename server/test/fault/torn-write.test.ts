/**
 * Two consecutive unclean restarts, each after a kill -9 that left a torn record at the end of
 * the store's newest file: the server starts both times, and nothing acknowledged is lost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect } from 'vitest';
import { freePort } from '../support/ports.js';
import { Fleet, report } from './support/fleet.js';
import { removeBundle, serverProcess, type ServerProcess } from './support/server-process.js';
import { itUnlessJournal } from './support/known-losses.js';
import { tearNewestFile } from './support/torn-write.js';

describe('torn writes on two unclean restarts (embedded store)', () => {
  let dir = '';
  let server: ServerProcess | undefined;
  let fleet: Fleet | undefined;
  afterAll(async () => {
    fleet?.close();
    await server?.crash();
    if (dir) await rm(dir, { recursive: true, force: true });
    await removeBundle();
  });

  // Journal store: the second restart refuses to start ("corrupt record before the end").
  itUnlessJournal('starts after each and loses nothing acked', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'counter-fault-torn-'));
    server = serverProcess({ port: await freePort(), env: { DATA_DIR: dir } });
    await server.start();
    fleet = await Fleet.join(server.url);
    fleet.writeAll();
    const total = fleet.sent;

    for (const share of [0.3, 0.6]) {
      await fleet.ackedAtLeast(Math.round(total * share));
      await server.crash();
      const torn = await tearNewestFile(dir);
      console.log(`[fault] kill -9 at ${fleet.acked} acked, then ${torn.bytes} torn bytes appended to ${torn.file}`);
      await server.start();
    }
    await fleet.drained();
    await server.crash();
    await server.start();
    const { figures, problems } = await fleet.audit('torn write on two unclean restarts');
    report(figures);

    expect(problems).toEqual({ gaps: [], misordered: [], unbacked: [] });
    expect(figures).toMatchObject({ sent: total, acked: total, stored: total, lost: 0, duplicated: 0 });
  });
});
