/**
 * Every process the bench starts is registered here, so that however the run ends (done, an
 * error, a time limit, Ctrl-C) none of them outlives it.
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();
/** Processes started by code we do not control (FerretDB, via the test helper): by pid. */
const foreign = new Set<number>();

export function track<C extends ChildProcess>(child: C): C {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

export function trackPid(pid: number): () => void {
  foreign.add(pid);
  return () => foreign.delete(pid);
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Resolves once it has exited. */
export function stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Last resort, synchronous (usable in an 'exit' handler). */
export function killAll(): void {
  for (const child of live) if (!exited(child)) child.kill('SIGKILL');
  for (const pid of foreign) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * On SIGINT/SIGTERM: run `cleanup` (bounded), then exit. On any exit, kill what is left.
 */
export function installCleanup(cleanup: () => Promise<void>): void {
  process.once('exit', killAll);
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping every process the bench started…`);
    const force = setTimeout(() => process.exit(130), 15_000);
    force.unref();
    cleanup()
      .catch(() => {})
      .finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
