/**
 * The MongoDB-wire server misbehaves during 1,000 sends from 20 shoppers: stopped and
 * started, frozen (SIGSTOP) and resumed, killed (-9) and restarted. The chat server is never
 * restarted: it must recover by itself each time (/ready back to 200), and in the end every
 * message is stored exactly once, in send order, with contiguous sequence numbers.
 * A frozen server is the hard case: inserts are sent and never answered, so the retry of the
 * same client id must find out whether the first one landed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { freePort } from '../support/ports.js';
import { eventually } from '../support/wait.js';
import { Fleet, report } from './support/fleet.js';
import { removeBundle, serverProcess, type ServerProcess } from './support/server-process.js';

const wire = await startMongoWire();
const faults = 'server' in wire ? wire.server.faults : undefined;

describe.skipIf(!faults)('the MongoDB-wire server fails during the sends', () => {
  let dir = '';
  let server: ServerProcess | undefined;
  let fleet: Fleet | undefined;
  afterAll(async () => {
    fleet?.close();
    await server?.crash();
    if ('server' in wire) await wire.server.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
    await removeBundle();
  });

  it('stop/start, freeze/resume, kill -9/restart: recovers by itself, nothing lost or doubled', async () => {
    if (!('server' in wire) || !faults) throw new Error('unreachable: skipped above');
    const db = wire.server;
    dir = await mkdtemp(path.join(tmpdir(), 'counter-fault-mongo-'));
    server = serverProcess({
      port: await freePort(),
      env: { DATA_DIR: dir, MONGODB_URL: db.url, MONGODB_TIMEOUT_MS: '1000' },
    });
    await server.start();
    fleet = await Fleet.join(server.url);
    fleet.writeAll();
    const total = fleet.sent;
    const s = server;
    const readyAgain = (after: string) =>
      eventually(() => s.ready(), (status) => status === 200, `/ready to return to 200 after ${after}`, 60_000);

    const outages: [string, number, () => Promise<void>, () => Promise<void>][] = [
      ['stop', 0.2, () => db.stop(), () => db.start()],
      ['SIGSTOP', 0.45, async () => faults.freeze(), async () => faults.resume()],
      ['kill -9', 0.7, () => faults.crash(), () => db.start()],
    ];
    for (const [what, share, fail, recover] of outages) {
      await fleet.ackedAtLeast(Math.round(total * share));
      await fail();
      await fleet.moreFailures(20);
      console.log(`[fault] MongoDB ${what} at ${fleet.acked} acked; error acks ${fleet.errorAckCount}, unanswered ${fleet.unanswered}`);
      await recover();
      await readyAgain(what);
    }
    await fleet.drained();
    const { figures, problems } = await fleet.audit(`${db.description}: stop, SIGSTOP, kill -9`);
    report(figures);

    expect(problems).toEqual({ gaps: [], misordered: [], unbacked: [] });
    expect(figures).toMatchObject({ sent: total, acked: total, stored: total, lost: 0, duplicated: 0 });
  });
});
