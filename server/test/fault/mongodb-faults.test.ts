/**
 * The MongoDB-wire server misbehaves during 1,000 sends from 20 shoppers: stopped and
 * started, frozen (SIGSTOP) and resumed, killed (-9) and restarted. The chat server is never
 * restarted: it must recover by itself each time (/ready back to 200), and in the end every
 * message is stored exactly once, in send order, with contiguous sequence numbers.
 * A frozen server is the hard case: inserts are sent and never answered, so the retry of the
 * same client id must find out whether the first one landed.
 */
import { afterAll, describe, it } from 'vitest';
import { startMongoWire } from '../support/mongo-wire.js';
import { eventually } from '../support/wait.js';
import { closeRuns, expectEverythingOnce, startRun } from './support/fault-run.js';

const wire = await startMongoWire();
const faults = 'server' in wire ? wire.server.faults : undefined;

describe.skipIf(!faults)('the MongoDB-wire server fails during the sends', () => {
  afterAll(async () => {
    await closeRuns();
    if ('server' in wire) await wire.server.dispose();
  });

  it('stop/start, freeze/resume, kill -9/restart: recovers by itself, nothing lost or doubled', async () => {
    if (!('server' in wire) || !faults) throw new Error('unreachable: skipped above');
    const db = wire.server;
    const run = await startRun({ env: { MONGODB_URL: db.url, MONGODB_TIMEOUT_MS: '1000' } });
    const { server, fleet } = run;
    const readyAgain = (after: string) =>
      eventually(() => server.ready(), (status) => status === 200, `/ready to return to 200 after ${after}`, 60_000);

    const outages: [string, number, () => Promise<void>, () => Promise<void>][] = [
      ['stop', 0.2, () => db.stop(), () => db.start()],
      ['SIGSTOP', 0.45, async () => faults.freeze(), async () => faults.resume()],
      ['kill -9', 0.7, () => faults.crash(), () => db.start()],
    ];
    for (const [what, share, fail, recover] of outages) {
      await fleet.ackedAtLeast(Math.round(run.total * share));
      await fail();
      await fleet.moreFailures(20);
      console.log(`[fault] MongoDB ${what} at ${fleet.acked} acked; error acks ${fleet.errorAckCount}, unanswered ${fleet.unanswered}`);
      await recover();
      await readyAgain(what);
    }
    await fleet.drained();
    await expectEverythingOnce(run, `${db.description}: stop, SIGSTOP, kill -9`);
  });
});
