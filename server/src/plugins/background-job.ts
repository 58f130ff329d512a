/**
 * One background job on a timer, shared by the plugins that sweep, mine, expire or send in the
 * background: an optional first run soon after start, then every interval; never two runs at
 * once (a tick while one runs is skipped); a failure is logged and waits for the next tick; the
 * timers are unref'd so they never keep the process alive, and preClose stops them and waits
 * for a run under way, so the store is not closed beneath it.
 */
import type { FastifyInstance } from 'fastify';

export interface BackgroundJob {
  /** Names the job in the log line of a failed run. */
  name: string;
  run: () => Promise<unknown>;
  intervalMs: number;
  /** A first run this long after start; none when absent (the first tick is the first run). */
  firstRunMs?: number;
}

/** Returns `tick`: a run now, unless one is under way (for jobs that also run on events). */
export function scheduleBackgroundJob(app: FastifyInstance, job: BackgroundJob): () => void {
  const { intervalMs, firstRunMs } = job;
  const next = intervalMs >= 60_000 ? `${Math.round(intervalMs / 60_000)} min` : `${Math.round(intervalMs / 1000) || 1} s`;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= job
      .run()
      .catch((err: unknown) => app.log.warn({ err }, `${job.name} failed; next run in ${next}`))
      .finally(() => (running = null));
  };
  const first = firstRunMs === undefined ? undefined : setTimeout(tick, firstRunMs);
  const timer = setInterval(tick, intervalMs);
  first?.unref();
  timer.unref();
  app.addHook('preClose', async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  });
  return tick;
}
