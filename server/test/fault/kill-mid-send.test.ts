/**
 * kill -9 of the server in the middle of 1,000 sends from 20 shoppers, three times in one run
 * (after ~10 %, ~50 % and ~90 % acked), restarting each time on the same data folder. The
 * outboxes resend after every reconnect; after the last drain and a clean restart, every
 * message is stored exactly once, in send order, with contiguous sequence numbers.
 */
import { afterAll, describe, it } from 'vitest';
import { closeRuns, expectEverythingOnce, startRun } from './support/fault-run.js';

describe('kill -9 in the middle of the sends (embedded store)', () => {
  afterAll(closeRuns);

  it('loses nothing and doubles nothing across three crashes', async () => {
    const run = await startRun();
    const { server, fleet } = run;
    for (const share of [0.1, 0.5, 0.9]) {
      await fleet.ackedAtLeast(Math.round(run.total * share));
      await server.crash();
      console.log(`[fault] kill -9 at ${fleet.acked} acked`);
      await server.start();
    }
    await fleet.drained();
    // A clean restart too: what is read back must be what is on disk, not in a cache.
    await server.stop();
    await server.start();
    await expectEverythingOnce(run, 'kill -9 at 10/50/90 % acked');
  });
});
