/**
 * Two consecutive unclean restarts, each after a kill -9 that left a torn record at the end of
 * the store's newest file: the server starts both times, and nothing acknowledged is lost.
 */
import { afterAll, describe } from 'vitest';
import { closeRuns, expectEverythingOnce, startRun } from './support/fault-run.js';
import { itUnlessJournal } from './support/known-losses.js';
import { tearNewestFile } from './support/torn-write.js';

describe('torn writes on two unclean restarts (embedded store)', () => {
  afterAll(closeRuns);

  // Journal store: the second restart refuses to start ("corrupt record before the end").
  itUnlessJournal('starts after each and loses nothing acked', async () => {
    const run = await startRun();
    const { server, fleet } = run;
    for (const share of [0.3, 0.6]) {
      await fleet.ackedAtLeast(Math.round(run.total * share));
      await server.crash();
      const torn = await tearNewestFile(run.dataDir);
      console.log(`[fault] kill -9 at ${fleet.acked} acked, then ${torn.bytes} torn bytes appended to ${torn.file}`);
      await server.start();
    }
    await fleet.drained();
    await server.crash();
    await server.start();
    await expectEverythingOnce(run, 'torn write on two unclean restarts');
  });
});
