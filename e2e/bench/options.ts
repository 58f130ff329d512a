/**
 * Bench options, from flags (`pnpm bench --n=200 --targets=relay,embedded`) or the
 * environment (BENCH_N=200 …); flags win. Defaults are the full run the README reports.
 */
import type { TargetName } from './servers/deploy.js';

export type ScenarioName = 'chat' | 'idle' | 'assign';

export interface BenchOptions {
  /** Conversations per chat run. */
  n: number[];
  targets: TargetName[];
  scenarios: ScenarioName[];
  /** Seconds of 1 message/s per shopper. */
  seconds: number;
  /** Idle shopper connections on one server. */
  idle: number;
  /** Conversations waiting, for assignment latency. */
  assign: number;
  /**
   * The largest N (chat) or queue (assignment) the MongoDB target is run at. FerretDB v1 on
   * SQLite, the MongoDB-wire server available here, falls minutes behind at 1,000 messages a
   * second; larger runs would only time out. Raise it against a real mongod (MONGODB_URL).
   */
  mongodbMax: number;
  /** Whole-run limit: past it the bench stops everything and fails. */
  timeoutMinutes: number;
  /** Profile the product server (node --cpu-prof), profiles written next to the results. */
  cpuProf: boolean;
  /** Extra environment for the product server, e.g. EMBEDDED_FSYNC=false. */
  productEnv: Record<string, string>;
  /** Keep the product servers' output in results/logs/. */
  serverLogs: boolean;
  /** Extra node flags for the product server, e.g. --trace-gc (space-separated). */
  nodeArgs: string[];
  help: boolean;
}

export const USAGE = `pnpm bench [options]     (each also as an environment variable)

  --n=200,1000,2000                  BENCH_N          conversations per chat run
  --seconds=20                       BENCH_SECONDS    seconds of 1 message/s per shopper
  --targets=relay,embedded,nofsync,mongodb
                                     BENCH_TARGETS    what to measure (nofsync: the embedded
                                                      store with EMBEDDED_FSYNC=false, a diagnostic)
  --scenarios=chat,idle,assign       BENCH_SCENARIOS  which scenarios
  --idle=10000                       BENCH_IDLE       idle shopper connections
  --assign=1000                      BENCH_ASSIGN     conversations waiting for assignment
  --mongodb-max=500                  BENCH_MONGODB_MAX largest N / queue the mongodb target runs at
  --timeout=60                       BENCH_TIMEOUT    minutes before the whole run is stopped
  --cpu-prof                         BENCH_CPU_PROF=1 run the product with node --cpu-prof
  --product-env=K=V,K=V              BENCH_PRODUCT_ENV extra product environment
  --server-logs                      BENCH_SERVER_LOGS=1 keep the product's output in results/logs/
  --node-args="--trace-gc …"         BENCH_NODE_ARGS  extra node flags for the product server
`;

const TARGETS: TargetName[] = ['relay', 'embedded', 'nofsync', 'mongodb'];
const SCENARIOS: ScenarioName[] = ['chat', 'idle', 'assign'];

function list<T extends string>(value: string, allowed: readonly T[], name: string): T[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`${name}: unknown "${item}" (one of ${allowed.join(', ')})`);
  return items as T[];
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name}: expected a positive integer, got "${value}"`);
  return n;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    if (arg === '--') continue;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument "${arg}"\n\n${USAGE}`);
    flags.set(match[1]!, match[2] ?? 'true');
  }
  const get = (flag: string, variable: string, fallback: string) => flags.get(flag) ?? env[variable] ?? fallback;
  const productEnv = Object.fromEntries(
    get('product-env', 'BENCH_PRODUCT_ENV', '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq <= 0) throw new Error(`--product-env: expected K=V, got "${pair}"`);
        return [pair.slice(0, eq), pair.slice(eq + 1)];
      }),
  );
  const known = new Set(['n', 'seconds', 'targets', 'scenarios', 'idle', 'assign', 'mongodb-max', 'timeout', 'cpu-prof', 'product-env', 'server-logs', 'node-args', 'help']);
  for (const flag of flags.keys()) if (!known.has(flag)) throw new Error(`unknown option --${flag}\n\n${USAGE}`);
  return {
    n: get('n', 'BENCH_N', '200,1000,2000').split(',').map((v) => positive(v, '--n')),
    targets: list(get('targets', 'BENCH_TARGETS', TARGETS.join(',')), TARGETS, '--targets'),
    scenarios: list(get('scenarios', 'BENCH_SCENARIOS', SCENARIOS.join(',')), SCENARIOS, '--scenarios'),
    seconds: positive(get('seconds', 'BENCH_SECONDS', '20'), '--seconds'),
    idle: positive(get('idle', 'BENCH_IDLE', '10000'), '--idle'),
    assign: positive(get('assign', 'BENCH_ASSIGN', '1000'), '--assign'),
    mongodbMax: positive(get('mongodb-max', 'BENCH_MONGODB_MAX', '500'), '--mongodb-max'),
    timeoutMinutes: positive(get('timeout', 'BENCH_TIMEOUT', '60'), '--timeout'),
    cpuProf: ['1', 'true'].includes(get('cpu-prof', 'BENCH_CPU_PROF', 'false')),
    productEnv,
    nodeArgs: get('node-args', 'BENCH_NODE_ARGS', '').split(' ').filter(Boolean),
    serverLogs: ['1', 'true'].includes(get('server-logs', 'BENCH_SERVER_LOGS', 'false')),
    help: flags.has('help'),
  };
}
