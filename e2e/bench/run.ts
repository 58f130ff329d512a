/**
 * `pnpm bench`: the whole product against a bare Socket.IO relay, in one run, on loopback.
 *
 * Each measured server runs in its own process (spawned here); shoppers and agents are two
 * more processes (loadgen/), so the server's CPU and RSS, read from /proc, are its own.
 * Prints the tables, writes them as JSON to e2e/bench/results/, and exits non-zero when the
 * embedded store misses its targets at N = 2000 (report/targets.ts) or a run failed.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { printResults, tablesOf, writeResults, type RunError, type RunResults, type Skipped } from './report/output.js';
import { checkTargets } from './report/targets.js';
import { runAssignment, type AssignmentResult } from './scenarios/assignment.js';
import { runChat, type ChatResult } from './scenarios/chat.js';
import { runIdle, type IdleResult } from './scenarios/idle.js';
import { buildRelay } from './servers/build-relay.js';
import type { DeployContext, TargetName } from './servers/deploy.js';
import { startMongo, type Mongo } from './servers/mongo.js';
import { installCleanup, killAll } from './support/children.js';
import { describeProbe, probeFsync } from './support/disk-probe.js';
import { describeMachine, watchLoad } from './support/machine.js';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const ACK_TIMEOUT_MS = 30_000;
const DRAIN_MS = 15_000;

const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(options: BenchOptions): Promise<number> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const workDir = mkdtempSync(path.join(tmpdir(), 'counter-bench-'));
  let mongo: Mongo | null = null;
  const cleanup = async () => {
    await mongo?.dispose().catch(() => {});
    killAll();
    rmSync(workDir, { recursive: true, force: true });
  };
  installCleanup(cleanup);
  process.once('exit', () => rmSync(workDir, { recursive: true, force: true }));
  const deadline = setTimeout(() => {
    log(`time limit of ${options.timeoutMinutes} min reached: stopping`);
    void cleanup().finally(() => process.exit(1));
  }, options.timeoutMinutes * 60_000);
  deadline.unref();

  const startedAt = new Date();
  const loadWatch = watchLoad();
  log(`${cpus().length} cores; run limited to ${options.timeoutMinutes} min`);
  const context: DeployContext = {
    workDir,
    relayScript: await buildRelay(workDir),
    mongo: null,
    productNodeArgs: [
      ...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.join(RESULTS_DIR, 'profiles')}`] : []),
      ...options.nodeArgs,
    ],
    productEnv: options.productEnv,
    logDir: options.serverLogs ? path.join(RESULTS_DIR, 'logs') : null,
  };
  if (context.logDir) mkdirSync(context.logDir, { recursive: true });
  const diskBefore = await probeFsync(workDir, 5);
  log(describeProbe(diskBefore));
  const wantsMongo = options.targets.includes('mongodb') && options.scenarios.some((s) => s !== 'idle') && Math.min(...options.n, options.assign) <= options.mongodbMax;
  if (wantsMongo) {
    mongo = await startMongo();
    context.mongo = mongo;
    log(`MongoDB-wire server: ${mongo.description}`);
  }

  const chat: ChatResult[] = [];
  const idle: IdleResult[] = [];
  const assignment: AssignmentResult[] = [];
  const errors: RunError[] = [];
  const skipped: Skipped[] = [];
  const attempt = async <T>(scenario: string, target: TargetName, size: number, run: () => Promise<T>, into: T[]) => {
    if (target === 'mongodb' && size > options.mongodbMax) {
      const reason = `N > --mongodb-max=${options.mongodbMax}`;
      log(`${scenario} ${target} ${size} skipped: ${reason}`);
      skipped.push({ scenario, target, size, reason });
      return;
    }
    log(`${scenario} ${target} ${size}…`);
    try {
      into.push(await run());
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      log(`${scenario} ${target} ${size} FAILED: ${error}`);
      errors.push({ scenario, target, size, error });
    }
  };

  if (options.scenarios.includes('chat')) {
    const chatOptions = { seconds: options.seconds, ackTimeoutMs: ACK_TIMEOUT_MS, drainMs: DRAIN_MS };
    // Targets interleaved per N, so a change in the machine's load hits all of them alike.
    for (const n of options.n) {
      for (const target of options.targets) await attempt('chat', target, n, () => runChat(target, n, chatOptions, context), chat);
    }
  }
  if (options.scenarios.includes('idle')) {
    // Idle sockets write nothing: the store makes no difference; relay and embedded only.
    for (const target of options.targets.filter((t) => t === 'relay' || t === 'embedded')) {
      await attempt('idle', target, options.idle, () => runIdle(target, options.idle, context), idle);
    }
  }
  if (options.scenarios.includes('assign')) {
    for (const target of options.targets.filter((t) => t === 'embedded' || t === 'mongodb')) {
      for (const mode of ['burst', 'backlog'] as const) {
        await attempt(`assign-${mode}`, target, options.assign, () => runAssignment(target, mode, options.assign, ACK_TIMEOUT_MS, context), assignment);
      }
    }
  }

  const diskAfter = await probeFsync(workDir, 5);
  log(describeProbe(diskAfter));
  const results: RunResults = {
    startedAt,
    command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(),
    options,
    machine: { ...describeMachine(loadWatch.stop()), diskBefore, diskAfter },
    mongo: mongo?.description ?? null,
    chat,
    idle,
    assignment,
    verdict: checkTargets(chat),
    errors,
    skipped,
  };
  const tables = tablesOf(results, options.n);
  printResults(results, tables);
  console.log(`\nResults: ${path.relative(process.cwd(), writeResults(RESULTS_DIR, results, tables))}`);

  await cleanup();
  return results.verdict.pass && !errors.length ? 0 : 1;
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
main(options).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
