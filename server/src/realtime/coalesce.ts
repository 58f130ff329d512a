/**
 * Turns many triggers into one run per `delayMs`: for broadcasts that recompute a whole
 * picture (queue positions, availability), where only the latest picture matters.
 */
export function coalesce(run: () => Promise<void>, delayMs: number, onError: (err: unknown) => void) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const fire = () => {
    timer = null;
    running = run()
      .catch(onError)
      .finally(() => {
        running = null;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (!timer) {
      timer = setTimeout(fire, delayMs);
      timer.unref();
    }
  };
  return {
    trigger: schedule,
    /** Cancels what is pending and waits for a run in progress. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
