/**
 * How long an fdatasync takes on the disk the embedded store writes to, right now. Every
 * message the embedded store acknowledges waits for one, so its tail is the product's tail
 * too; printed with the results because it depends on what else the machine is writing.
 */
import { open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { percentiles, Samples, type Percentiles } from './stats.js';

export interface DiskProbe extends Percentiles {
  /** Syncs slower than 10 ms and 100 ms during the probe. */
  over10ms: number;
  over100ms: number;
  seconds: number;
}

export async function probeFsync(dir: string, seconds: number): Promise<DiskProbe> {
  const file = path.join(dir, 'fsync-probe.bin');
  const handle = await open(file, 'w');
  const record = Buffer.alloc(2048, 'x');
  const samples = new Samples();
  const end = performance.now() + seconds * 1000;
  try {
    while (performance.now() < end) {
      const t0 = performance.now();
      await handle.write(record);
      await handle.datasync();
      samples.push(performance.now() - t0);
    }
  } finally {
    await handle.close();
    await unlink(file);
  }
  const values = samples.values();
  return {
    ...percentiles(values),
    over10ms: values.filter((v) => v > 10).length,
    over100ms: values.filter((v) => v > 100).length,
    seconds,
  };
}

export const describeProbe = (p: DiskProbe): string =>
  `fdatasync of 2 KB appends on the bench's disk, ${p.seconds} s back to back: ${p.count} syncs, ` +
  `p50 ${p.p50.toFixed(2)} ms, p99 ${p.p99.toFixed(2)} ms, max ${p.max.toFixed(0)} ms, ${p.over10ms} over 10 ms, ${p.over100ms} over 100 ms`;
