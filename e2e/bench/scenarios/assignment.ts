/**
 * Assignment latency with many conversations waiting (product only: the relay routes
 * nothing). Two cases, each with agents whose capacity exactly fits the conversations:
 *
 * - burst: agents are online; every shopper sends its first message in the same instant.
 *   Latency = that shopper's message:send -> its agent's conversation:assigned.
 * - backlog: agents are connected but not online; every shopper sends its first message and
 *   waits in the queue (each has been told its position). Then every agent goes online at
 *   once. Latency = the agents' status change -> each conversation:assigned; its max is the
 *   time to drain the whole queue.
 */
import type { FirstMessages } from '../loadgen/protocol.js';
import type { DeployContext, TargetName } from '../servers/deploy.js';
import { MAX_CAPACITY } from '../servers/provision.js';
import { cpuWindow, type CpuWindow } from '../support/proc-stats.js';
import { percentiles, type Percentiles } from '../support/stats.js';
import { startRun } from './generators.js';

export type AssignmentMode = 'burst' | 'backlog';

export interface AssignmentResult {
  target: TargetName;
  mode: AssignmentMode;
  conversations: number;
  agents: number;
  assigned: number;
  latency: Percentiles;
  serverCpu: CpuWindow;
  /** First messages that needed a retry, and the errors they met (by code). */
  retried: number;
  errors: Record<string, number>;
}

export async function runAssignment(
  target: TargetName,
  mode: AssignmentMode,
  conversations: number,
  ackTimeoutMs: number,
  context: DeployContext,
): Promise<AssignmentResult> {
  if (target === 'relay') throw new Error('the relay does not route');
  const agents = Math.ceil(conversations / MAX_CAPACITY);
  const { deployment, generators, stop } = await startRun(target, agents, context);
  const { pid, url } = deployment.server;
  const timeout = 60_000 + conversations * 100;
  /** How long routing may take before what is unassigned is reported as such. */
  const routingTimeout = 60_000 + conversations * 30;
  try {
    await generators.agents.call(
      'connect',
      { flavor: 'product', url, accounts: deployment.accounts, online: mode === 'burst', concurrency: 8 },
      timeout,
    );
    await generators.shoppers.call(
      'connect',
      { flavor: 'product', url, siteId: deployment.siteId, count: conversations, startConversation: true, concurrency: 50 },
      timeout,
    );

    let cpu: ReturnType<typeof cpuWindow>;
    let startedAt: (conversationId: string) => number | undefined;
    let first: FirstMessages;
    if (mode === 'burst') {
      cpu = cpuWindow(pid);
      first = await generators.shoppers.call('first', { ackTimeoutMs }, timeout);
      const sent = new Map(first.sentAt);
      startedAt = (id) => sent.get(id);
    } else {
      first = await generators.shoppers.call('first', { ackTimeoutMs }, timeout);
      // Bounded: with a store that falls behind, not every conversation makes the queue.
      await generators.shoppers.call('queued', { timeoutMs: routingTimeout }, routingTimeout + 10_000);
      cpu = cpuWindow(pid);
      const { sentAtMs } = await generators.agents.call('online', {}, timeout);
      startedAt = () => sentAtMs;
    }
    const { at } = await generators.agents.call('assigned', { count: conversations, timeoutMs: routingTimeout }, routingTimeout + 10_000);
    const serverCpu = cpu.stop();
    const latencies = at.flatMap(([id, assignedAt]) => {
      const start = startedAt(id);
      return start === undefined ? [] : [assignedAt - start];
    });
    return {
      target,
      mode,
      conversations,
      agents,
      assigned: at.length,
      latency: percentiles(latencies),
      serverCpu,
      retried: first.retried,
      errors: first.failures,
    };
  } finally {
    await stop();
  }
}
