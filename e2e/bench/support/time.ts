/**
 * One clock for every bench process. process.hrtime reads CLOCK_MONOTONIC, which on Linux is
 * the same clock in every process of the machine: a time taken by the shopper generator and
 * one taken by the agent generator can be subtracted directly, with sub-millisecond precision
 * and no wall-clock adjustments in between.
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

/** Rejects after `ms` unless the promise settles first: every wait in the bench is bounded. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
