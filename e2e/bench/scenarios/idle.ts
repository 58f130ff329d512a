/**
 * Idle connections: many shoppers with the chat open and nothing to say. What does each one
 * cost the server in memory? Product shoppers authenticate as the widget does (a REST
 * session, then the socket), so their visitor record is counted too.
 */
import { flavorOf, type DeployContext, type TargetName } from '../servers/deploy.js';
import { cpuWindow, rssBytes, type CpuWindow } from '../support/proc-stats.js';
import { startRun } from './generators.js';

export interface IdleResult {
  target: TargetName;
  connections: number;
  connectSeconds: number;
  /** CPU the server spent accepting (and, for the product, authenticating) them. */
  connectCpu: CpuWindow;
  rss: { baseMB: number; connectedMB: number; perConnectionKB: number };
}

const MB = 1024 * 1024;

export async function runIdle(target: TargetName, connections: number, context: DeployContext): Promise<IdleResult> {
  const flavor = flavorOf(target);
  const { deployment, generators, stop } = await startRun(target, 0, context);
  const { pid, url } = deployment.server;
  try {
    const baseRss = rssBytes(pid);
    const cpu = cpuWindow(pid);
    const connected = await generators.shoppers.call(
      'connect',
      { flavor, url, siteId: deployment.siteId, count: connections, startConversation: false, concurrency: 100 },
      120_000 + connections * 50,
    );
    const connectCpu = cpu.stop();
    const connectedRss = rssBytes(pid);
    if (deployment.server.exited()) throw new Error('the server exited during the run');
    return {
      target,
      connections: connected.connected,
      connectSeconds: connected.seconds,
      connectCpu,
      rss: {
        baseMB: baseRss / MB,
        connectedMB: connectedRss / MB,
        perConnectionKB: (connectedRss - baseRss) / 1024 / connected.connected,
      },
    };
  } finally {
    await stop();
  }
}
