/**
 * kill -9 of the server in the middle of 1,000 sends from 20 shoppers, three times in one run
 * (after ~10 %, ~50 % and ~90 % acked), restarting each time on the same data folder. The
 * outboxes resend after every reconnect; after the last drain and a clean restart, every
 * message is stored exactly once, in send order, with contiguous sequence numbers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/ports.js';
import { Fleet, report } from './support/fleet.js';
import { removeBundle, serverProcess, type ServerProcess } from './support/server-process.js';

describe('kill -9 in the middle of the sends (embedded store)', () => {
  let dir = '';
  let server: ServerProcess | undefined;
  let fleet: Fleet | undefined;
  afterAll(async () => {
    fleet?.close();
    await server?.crash();
    if (dir) await rm(dir, { recursive: true, force: true });
    await removeBundle();
  });

  it('loses nothing and doubles nothing across three crashes', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'counter-fault-kill-'));
    server = serverProcess({ port: await freePort(), env: { DATA_DIR: dir } });
    await server.start();
    fleet = await Fleet.join(server.url);
    fleet.writeAll();
    const total = fleet.sent;

    for (const share of [0.1, 0.5, 0.9]) {
      await fleet.ackedAtLeast(Math.round(total * share));
      await server.crash();
      console.log(`[fault] kill -9 at ${fleet.acked} acked (${performance.now().toFixed(0)} ms)`);
      await server.start();
      console.log(`[fault] restarted (${performance.now().toFixed(0)} ms)`);
    }
    await fleet.drained();
    // A clean restart too: what was read back must be what is on disk, not in a cache.
    await server.stop();
    await server.start();
    const { figures, problems } = await fleet.audit('kill -9 at 10/50/90 % acked');
    report(figures);

    expect(problems).toEqual({ gaps: [], misordered: [], unbacked: [] });
    expect(figures).toMatchObject({ sent: total, acked: total, stored: total, lost: 0, duplicated: 0 });
  }, 240_000);
});
