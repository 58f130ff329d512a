/**
 * The embedded store alone under the chat path's writes, in this process: `rate` messages a
 * second spread over `conversations`, each one read of its conversation, one message insert
 * and the conversation's counters (what the server does per shopper message). Reports the
 * event-loop delay while it runs (monitorEventLoopDelay), the write latency as the caller sees
 * it and the CPU, with fsync on and off. Decides whether the writer needs its own thread.
 *
 *   node --import tsx e2e/bench/store/store-load.ts [--rate=2000] [--seconds=10] [--conversations=2000]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { openStore } from '../../../server/src/store/open-store.js';
import type { ConversationDoc } from '../../../server/src/store/documents.js';
import { percentiles, Samples } from '../support/stats.js';

const arg = (name: string, fallback: number) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const rate = arg('rate', 2000);
const seconds = arg('seconds', 10);
const conversations = arg('conversations', 2000);

function conversation(i: number): ConversationDoc {
  return {
    _id: `c${i}`,
    siteId: 's1',
    visitorId: `v${i}`,
    status: 'assigned',
    agentId: 'a1',
    agentName: 'A',
    createdAt: 1,
    updatedAt: 1,
    assignedAt: 1,
    queuedAt: null,
    resolvedAt: null,
    priority: 0,
    lastSeq: 0,
    lastMessageAt: null,
    lastMessagePreview: null,
    unreadByAgent: 0,
    unreadByVisitor: 0,
    agentReadSeq: 0,
    visitorReadSeq: 0,
    awaitingReplySince: null,
    firstResponseAt: null,
    topic: null,
    requestedAt: 1,
    tags: [],
    rating: null,
    offline: false,
    contactEmail: null,
    excludedAgentIds: [],
  } as unknown as ConversationDoc;
}

async function run(fsync: boolean) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-store-load-'));
  const store = await openStore({ dataDir, fsync });
  try {
    for (let i = 0; i < conversations; i++) await store.conversations.create(conversation(i));
    const seqs = new Array<number>(conversations).fill(0);
    const latency = new Samples(rate * seconds);
    let failed = 0;
    const send = async (i: number) => {
      const t0 = performance.now();
      const seq = ++seqs[i]!;
      const id = `c${i}` as never;
      await store.conversations.byId(id);
      await store.messages.insert({
        _id: randomUUID(),
        conversationId: id,
        seq,
        clientId: randomUUID(),
        author: 'visitor',
        agentId: null,
        authorName: null,
        kind: 'text',
        text: `message ${seq} from the shopper of conversation ${i}`,
        event: null,
        createdAt: Date.now(),
      } as never);
      await store.conversations.recordMessage(id, { seq, at: Date.now(), preview: 'message', by: 'visitor', firstOfKind: false });
      latency.push(performance.now() - t0);
    };
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    const pending: Promise<void>[] = [];
    let next = 0;
    // 100 ticks a second, each issuing its share of the messages.
    await new Promise<void>((resolve) => {
      const perTick = rate / 100;
      let ticks = 0;
      const timer = setInterval(() => {
        for (let k = 0; k < perTick; k++) pending.push(send(next++ % conversations).catch(() => void failed++));
        if (++ticks >= seconds * 100) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    await Promise.all(pending);
    const wallMs = performance.now() - wall0;
    const cpu = process.cpuUsage(cpu0);
    delay.disable();
    const lat = percentiles(latency.values());
    return {
      fsync,
      messages: latency.size,
      failed,
      perSecond: Math.round(latency.size / (wallMs / 1000)),
      loopDelayMs: { p50: delay.percentile(50) / 1e6, p99: delay.percentile(99) / 1e6, max: delay.max / 1e6 },
      writeLatencyMs: { p50: lat.p50, p99: lat.p99, max: lat.max },
      cpuPerMessageUs: Math.round(((cpu.user + cpu.system) / latency.size) * 10) / 10,
      cpuPercent: Math.round((100 * (cpu.user + cpu.system)) / 1000 / wallMs),
    };
  } finally {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const round = (o: unknown) => JSON.stringify(o, (_, v: unknown) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v));
const modes = process.argv.includes("--nofsync-only") ? [false] : [true, false];
for (const fsync of modes) console.log(round(await run(fsync)));
