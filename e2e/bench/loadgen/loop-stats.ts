import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoopStats } from './protocol.js';

/**
 * A generator's own health during a measurement: when its event loop lags, the timestamps it
 * takes lag too, so the report shows this next to the latencies it measured.
 */
export function watchLoop(): { stop(): LoopStats } {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      delay.disable();
      const cpu = process.cpuUsage(cpu0);
      const wallMs = performance.now() - t0;
      return {
        loopDelayP99Ms: delay.percentile(99) / 1e6,
        loopDelayMaxMs: delay.max / 1e6,
        cpuPercent: (100 * (cpu.user + cpu.system)) / 1000 / wallMs,
      };
    },
  };
}
