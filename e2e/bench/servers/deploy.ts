/**
 * The three things measured side by side: the bare relay, the product on its embedded store,
 * the product on MongoDB. deploy() starts one, fresh, in its own process, ready for clients.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Flavor } from '../loadgen/protocol.js';
import type { Mongo } from './mongo.js';
import { provision, type Account } from './provision.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/**
 * 'nofsync' is the embedded store with EMBEDDED_FSYNC=false: not a way to run the product
 * (the headline 'embedded' keeps fsync on), a diagnostic that shows the disk's share of the
 * latency, since each acknowledged message waits for an fdatasync.
 */
export type TargetName = 'relay' | 'embedded' | 'nofsync' | 'mongodb';

export const flavorOf = (target: TargetName): Flavor => (target === 'relay' ? 'relay' : 'product');

export interface Deployment {
  target: TargetName;
  server: ServerProcess;
  /** Product: the bench site and agent accounts. */
  siteId?: string;
  accounts: Account[];
  /** The database process, whose CPU is reported alongside (MongoDB only). */
  dbPid: number | null;
  stop(): Promise<void>;
}

export interface DeployContext {
  /** This run's scratch folder (removed at the end): data folders go in it. */
  workDir: string;
  /** The bundled relay (see build-relay.ts). */
  relayScript: string;
  mongo: Mongo | null;
  /** Node flags for the product server (e.g. --cpu-prof), from the bench options. */
  productNodeArgs: string[];
  /** Extra environment for the product server (e.g. EMBEDDED_FSYNC=false to compare). */
  productEnv: Record<string, string>;
  /** Where to keep the servers' output, if anywhere. */
  logDir: string | null;
}

let started = 0;

const PRODUCT_MAIN = fileURLToPath(new URL('../../../server/dist/main.js', import.meta.url));

export async function deploy(target: TargetName, agents: number, context: DeployContext): Promise<Deployment> {
  if (target === 'relay') {
    const server = await startServerProcess({
      label: 'relay',
      script: context.relayScript,
      env: {},
      ready: /relay listening on/,
    });
    return { target, server, accounts: [], dbPid: null, stop: () => server.stop() };
  }

  if (target === 'mongodb' && !context.mongo) throw new Error('no MongoDB-wire server');
  const dataDir = await mkdtemp(path.join(context.workDir, `${target}-`));
  const fsync = target === 'nofsync' ? 'false' : 'true';
  const server = await startServerProcess({
    label: `product (${target})`,
    script: PRODUCT_MAIN,
    nodeArgs: context.productNodeArgs,
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DEMO: 'false',
      // Agents in the bench never answer: nothing may be reassigned under the measurement.
      REASSIGN_AFTER_SECONDS: '0',
      // Every bench shopper comes from 127.0.0.1.
      VISITOR_SESSIONS_PER_MINUTE: '1000000',
      VISITOR_NEW_PER_MINUTE: '1000000',
      EMBEDDED_FSYNC: fsync,
      ...(target === 'mongodb' ? { MONGODB_URL: context.mongo!.freshUrl() } : {}),
      ...context.productEnv,
    },
    ready: /Counter chat is running/,
    ...(context.logDir ? { logFile: path.join(context.logDir, `${++started}-${target}.log`) } : {}),
  });
  try {
    const { siteId, accounts } = await provision(server.url, dataDir, agents);
    return {
      target,
      server,
      siteId,
      accounts,
      dbPid: target === 'mongodb' ? context.mongo!.pid : null,
      async stop() {
        await server.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
}
