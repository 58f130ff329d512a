/**
 * The chat scenario: N conversations, each a shopper socket and (N / 50) agent sockets; once
 * every conversation is routed, each shopper sends one message a second for S seconds. It
 * measures shopper-send -> agent-receive latency, the send ack, losses and duplicates, and
 * the server's CPU and memory.
 */
import type { LoopStats, SecondStats } from '../loadgen/protocol.js';
import { flavorOf, type DeployContext, type TargetName } from '../servers/deploy.js';
import { MAX_CAPACITY } from '../servers/provision.js';
import { cpuWindow, RssSampler, rssBytes, type CpuWindow } from '../support/proc-stats.js';
import type { Percentiles } from '../support/stats.js';
import { pairsPerAgent, startRun } from './generators.js';

export interface ChatOptions {
  seconds: number;
  ackTimeoutMs: number;
  /** How long to wait for deliveries still in flight after the last ack. */
  drainMs: number;
}

export interface ChatResult {
  target: TargetName;
  n: number;
  agents: number;
  seconds: number;
  setupSeconds: number;
  /** Conversations routed to an agent within the setup limit (all of them, unless the store fell behind). */
  routed: number;
  /** Product: first messages (setup) that needed a retry, and their errors by code. */
  setupRetried: number;
  setupErrors: Record<string, number>;
  sent: number;
  acked: number;
  failures: Record<string, number>;
  received: number;
  lost: number;
  duplicated: number;
  unacked: number;
  lostExamples: string[];
  latency: Percentiles;
  timeline: SecondStats[];
  ack: Percentiles;
  serverCpu: CpuWindow;
  dbCpu: CpuWindow | null;
  rss: {
    /** Before any client connected (product: after the site and agents were created). */
    baseMB: number;
    /** Every client connected and every conversation routed, before the load. */
    connectedMB: number;
    peakMB: number;
    /** (connected - base) / N. */
    perShopperKB: number;
  };
  generators: { shoppers: LoopStats; agents: LoopStats };
}

const MB = 1024 * 1024;

export async function runChat(target: TargetName, n: number, options: ChatOptions, context: DeployContext): Promise<ChatResult> {
  const flavor = flavorOf(target);
  const agents = Math.ceil(n / MAX_CAPACITY);
  const { deployment, generators, stop } = await startRun(target, agents, context);
  const { pid, url } = deployment.server;
  const setupTimeout = 60_000 + n * 100;
  try {
    const baseRss = rssBytes(pid);
    const t0 = performance.now();
    await generators.agents.call(
      'connect',
      flavor === 'product'
        ? { flavor, url, accounts: deployment.accounts, online: true, concurrency: 8 }
        : { flavor, url, pairs: pairsPerAgent(n, MAX_CAPACITY), online: false, concurrency: 8 },
      setupTimeout,
    );
    await generators.shoppers.call(
      'connect',
      { flavor, url, siteId: deployment.siteId, count: n, startConversation: flavor === 'product', concurrency: 50 },
      setupTimeout,
    );
    let setupRetried = 0;
    let setupErrors: Record<string, number> = {};
    let routed: string[] | undefined;
    if (flavor === 'product') {
      // The first message routes the conversation; it predates the assignment, so it is not
      // part of the steady state measured below.
      const first = await generators.shoppers.call('first', { ackTimeoutMs: options.ackTimeoutMs }, setupTimeout);
      setupRetried = first.retried;
      setupErrors = first.failures;
      // A store that cannot keep up may leave some conversations unrouted within the limit:
      // those are reported and sit the load out (their messages could reach no agent).
      const routingTimeout = 60_000 + n * 30;
      const { at } = await generators.agents.call('assigned', { count: n, timeoutMs: routingTimeout }, routingTimeout + 10_000);
      routed = at.map(([id]) => id);
      if (!routed.length) throw new Error(`no conversation was routed (first messages: ${JSON.stringify(first.failures)})`);
    }
    const setupSeconds = (performance.now() - t0) / 1000;
    const connectedRss = rssBytes(pid);

    await generators.agents.call('measure', {}, 10_000);
    const sampler = new RssSampler(pid);
    const cpu = cpuWindow(pid);
    const dbCpu = deployment.dbPid ? cpuWindow(deployment.dbPid) : null;
    const load = await generators.shoppers.call(
      'load',
      { seconds: options.seconds, perSecond: 1, ackTimeoutMs: options.ackTimeoutMs, ...(routed ? { only: routed } : {}) },
      options.seconds * 1000 + options.ackTimeoutMs + 60_000,
    );
    const settle = await generators.agents.call('settle', { ackedSeqs: load.ackedSeqs, timeoutMs: options.drainMs }, options.drainMs + 30_000);
    const serverCpu = cpu.stop();
    const databaseCpu = dbCpu?.stop() ?? null;
    const peak = sampler.stop();
    if (deployment.server.exited()) throw new Error('the server exited during the run');

    return {
      target,
      n,
      agents,
      seconds: options.seconds,
      setupSeconds,
      setupRetried,
      setupErrors,
      routed: routed?.length ?? n,
      sent: load.sent,
      acked: load.acked,
      failures: load.failures,
      received: settle.received,
      lost: settle.lost,
      duplicated: settle.duplicated,
      unacked: settle.unacked,
      lostExamples: settle.lostExamples,
      latency: settle.latency,
      timeline: settle.timeline,
      ack: load.ack,
      serverCpu,
      dbCpu: databaseCpu,
      rss: {
        baseMB: baseRss / MB,
        connectedMB: connectedRss / MB,
        peakMB: peak / MB,
        perShopperKB: (connectedRss - baseRss) / 1024 / n,
      },
      generators: {
        shoppers: { loopDelayP99Ms: load.loopDelayP99Ms, loopDelayMaxMs: load.loopDelayMaxMs, cpuPercent: load.cpuPercent },
        agents: { loopDelayP99Ms: settle.loopDelayP99Ms, loopDelayMaxMs: settle.loopDelayMaxMs, cpuPercent: settle.cpuPercent },
      },
    };
  } finally {
    await stop();
  }
}
