/**
 * What the kernel says a process costs: CPU time from /proc/<pid>/stat (utime + stime, in
 * clock ticks) and resident memory from /proc/<pid>/status (VmRSS). Read from outside, so the
 * measured process runs no measuring code of its own.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; the fields after its closing paren are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, i.e. 11 and 12 after the name.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) * 1024;
}

/** Child processes of `pid` (Linux 3.5+ lists them per thread). */
export function childPids(pid: number): number[] {
  const found: number[] = [];
  const tasks = readdirSafe(`/proc/${pid}/task`);
  for (const task of tasks) {
    const list = readFileSafe(`/proc/${pid}/task/${task}/children`);
    for (const child of list.split(' ')) if (child.trim()) found.push(Number(child));
  }
  return found;
}

export function commandOf(pid: number): string {
  return readFileSafe(`/proc/${pid}/comm`).trim();
}

/** Samples a process's RSS on a pacing timer and keeps the peak. */
export class RssSampler {
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 200,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    try {
      this.peak = Math.max(this.peak, rssBytes(this.pid));
    } catch {
      // The process is gone; its last sample stands.
    }
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

export interface CpuWindow {
  /** CPU seconds (user + system) the process used in the window. */
  seconds: number;
  wallSeconds: number;
  /** Share of one core, in percent. */
  percent: number;
}

/** CPU used by a process between start and stop, against wall time. */
export function cpuWindow(pid: number): { stop(): CpuWindow } {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  return {
    stop() {
      const seconds = cpuSeconds(pid) - cpu0;
      const wallSeconds = (performance.now() - t0) / 1000;
      return { seconds, wallSeconds, percent: (100 * seconds) / wallSeconds };
    },
  };
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
