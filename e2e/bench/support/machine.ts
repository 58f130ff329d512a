/**
 * The machine the numbers come from, and how busy it was: the load average is sampled during
 * the whole run (other work on the machine competes with the servers and the generators).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import type { DiskProbe } from './disk-probe.js';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  /** 1-minute load average: at the start, at the end, and the lowest and highest seen. */
  load: { before: number; after: number; min: number; max: number };
  diskBefore: DiskProbe;
  diskAfter: DiskProbe;
}

export function watchLoad(): { stop(): Machine['load'] } {
  const before = loadavg()[0]!;
  const seen = [before];
  const timer = setInterval(() => seen.push(loadavg()[0]!), 10_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const after = loadavg()[0]!;
      seen.push(after);
      const round = (x: number) => Number(x.toFixed(2));
      return { before: round(before), after: round(after), min: round(Math.min(...seen)), max: round(Math.max(...seen)) };
    },
  };
}

export function describeMachine(load: Machine['load']): Omit<Machine, 'diskBefore' | 'diskAfter'> {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    load,
  };
}
