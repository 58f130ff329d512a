/** The bench's results as tables: one per N for the chat runs, one for idle, one for routing. */
import type { AssignmentResult } from '../scenarios/assignment.js';
import type { ChatResult } from '../scenarios/chat.js';
import type { IdleResult } from '../scenarios/idle.js';
import type { TargetName } from '../servers/deploy.js';
import type { Row, Table } from './table.js';

const ORDER: TargetName[] = ['relay', 'embedded', 'nofsync', 'mongodb'];
const present = <T extends { target: TargetName }>(results: T[]) => ORDER.filter((t) => results.some((r) => r.target === t));

function byTarget<T extends { target: TargetName }>(results: T[], pick: (r: T) => number | null): Row['values'] {
  return Object.fromEntries(results.map((r) => [r.target, pick(r)]));
}

export function chatTable(n: number, results: ChatResult[]): Table {
  const row = (label: string, pick: (r: ChatResult) => number | null, digits = 1, noRatio = false): Row => ({
    label,
    values: byTarget(results, pick),
    digits,
    noRatio,
  });
  const agents = results[0]?.agents ?? 0;
  const seconds = results[0]?.seconds ?? 0;
  return {
    title: `N = ${n} conversations (${n} shopper + ${agents} agent sockets), 1 message/s per shopper for ${seconds} s`,
    targets: present(results),
    rows: [
      row('shopper→agent p50 (ms)', (r) => r.latency.p50, 2),
      row('shopper→agent p95 (ms)', (r) => r.latency.p95, 2),
      row('shopper→agent p99 (ms)', (r) => r.latency.p99, 2),
      row('shopper→agent max (ms)', (r) => r.latency.max, 2),
      row('send ack p50 (ms)', (r) => r.ack.p50, 2),
      row('send ack p95 (ms)', (r) => r.ack.p95, 2),
      row('send ack p99 (ms)', (r) => r.ack.p99, 2),
      row('send ack max (ms)', (r) => r.ack.max, 2),
      row('conversations routed before the load', (r) => r.routed, 0, true),
      row('messages sent', (r) => r.sent, 0, true),
      row('acked', (r) => r.acked, 0, true),
      row('delivered', (r) => r.received, 0, true),
      row('lost (acked, never delivered)', (r) => r.lost, 0, true),
      row('duplicated', (r) => r.duplicated, 0, true),
      row('sends failed (error or no ack in time)', (r) => r.sent - r.acked, 0, true),
      row('server CPU (s)', (r) => r.serverCpu.seconds, 1),
      row('server CPU (% of a core)', (r) => r.serverCpu.percent, 0),
      row('database CPU (% of a core)', (r) => r.dbCpu?.percent ?? null, 0, true),
      row('server RSS before clients (MB)', (r) => r.rss.baseMB, 1),
      row('server RSS all connected (MB)', (r) => r.rss.connectedMB, 1),
      row('RSS per connected shopper (KB)', (r) => r.rss.perShopperKB, 1),
      row('server RSS peak under load (MB)', (r) => r.rss.peakMB, 1),
    ],
    notes: results.map(
      (r) =>
        `${r.target}: setup ${r.setupSeconds.toFixed(1)} s${r.setupRetried ? ` (${r.setupRetried} first messages retried: ${JSON.stringify(r.setupErrors)})` : ''}; generators CPU ${r.generators.shoppers.cpuPercent.toFixed(0)}% / ${r.generators.agents.cpuPercent.toFixed(0)}% of a core, loop delay p99 ${r.generators.shoppers.loopDelayP99Ms.toFixed(1)} / ${r.generators.agents.loopDelayP99Ms.toFixed(1)} ms (shoppers / agents)`,
    ),
  };
}

export function idleTable(results: IdleResult[]): Table {
  const row = (label: string, pick: (r: IdleResult) => number | null, digits = 1, noRatio = false): Row => ({
    label,
    values: byTarget(results, pick),
    digits,
    noRatio,
  });
  const count = results[0]?.connections ?? 0;
  return {
    title: `${count.toLocaleString('en')} idle shopper connections on one server process`,
    targets: present(results),
    rows: [
      row('connections', (r) => r.connections, 0, true),
      row('time to connect all (s)', (r) => r.connectSeconds, 1),
      row('server CPU while connecting (s)', (r) => r.connectCpu.seconds, 1),
      row('server RSS before (MB)', (r) => r.rss.baseMB, 1),
      row('server RSS connected (MB)', (r) => r.rss.connectedMB, 1),
      row('RSS per connection (KB)', (r) => r.rss.perConnectionKB, 1),
    ],
    notes: ['product: each connection is a widget session (POST /visitor/sessions, then the socket); its visitor record is in the count.'],
  };
}

export function assignmentTable(results: AssignmentResult[]): Table {
  const targets = present(results);
  const rows: Row[] = [];
  for (const mode of ['burst', 'backlog'] as const) {
    const of = results.filter((r) => r.mode === mode);
    if (!of.length) continue;
    const row = (label: string, pick: (r: AssignmentResult) => number, digits = 1): Row => ({
      label: `${mode}: ${label}`,
      values: byTarget(of, pick),
      digits,
      noRatio: true,
    });
    rows.push(
      row('assigned', (r) => r.assigned, 0),
      row('p50 (ms)', (r) => r.latency.p50),
      row('p95 (ms)', (r) => r.latency.p95),
      row('p99 (ms)', (r) => r.latency.p99),
      row('max (ms)', (r) => r.latency.max),
      row('server CPU (s)', (r) => r.serverCpu.seconds),
      row('first messages retried', (r) => r.retried, 0),
    );
  }
  const count = results[0]?.conversations ?? 0;
  return {
    title: `Assignment latency, ${count.toLocaleString('en')} conversations waiting (${results[0]?.agents ?? 0} agents × capacity 50; the relay routes nothing)`,
    targets,
    rows,
    notes: [
      'burst: agents online; every shopper sends its first message at once; latency = its message:send → its agent receives conversation:assigned.',
      'backlog: all conversations queued while no agent is online (each shopper told its queue position); then every agent sets status online at once; latency = that status change → each conversation:assigned (max = the whole queue drained).',
    ],
  };
}
