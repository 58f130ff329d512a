/**
 * Starts a real server speaking the MongoDB wire protocol on loopback for the tests, and
 * stops it after: MONGODB_URL if given, else `mongod` on the PATH, else FerretDB (SQLite
 * backend) built by e2e/setup/test-deps.sh. Never a mock of the driver.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { freePort } from './ports.js';

export const FERRETDB_VERSION = 'v1.24.2';

export interface MongoWireServer {
  /** Where the server came from and what it reports, e.g. "FerretDB v1.24.2 (SQLite), MongoDB 7.0.77 wire". */
  description: string;
  /** Base URL of a fresh database for one test file. */
  url: string;
  /** Stops and starts the same server on the same port and data: an outage. */
  restartable: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Fault injection on a server this file started (absent for MONGODB_URL): SIGSTOP, SIGCONT, kill -9. */
  faults?: { freeze(): void; resume(): void; crash(): Promise<void> };
  /** Stops it for good and removes its data. */
  dispose(): Promise<void>;
}

export type MongoWireResult = { server: MongoWireServer } | { skipped: string };

export function ferretdbBinary(): string | null {
  if (process.env.FERRETDB_BIN && existsSync(process.env.FERRETDB_BIN)) return process.env.FERRETDB_BIN;
  const cache = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
  const cached = path.join(cache, 'counter-chat', `ferretdb-${FERRETDB_VERSION}`, 'ferretdb');
  if (existsSync(cached)) return cached;
  return onPath('ferretdb');
}

function onPath(cmd: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

export async function waitForPort(port: number, child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`MongoDB-wire server exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`MongoDB-wire server did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function serverVersion(url: string): Promise<string> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 5000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    const ferret = info.ferretdbVersion ? `FerretDB ${info.ferretdbVersion}, ` : '';
    return `${ferret}MongoDB ${info.version} wire`;
  } finally {
    await client.close();
  }
}

function spawnServer(kind: 'ferretdb' | 'mongod', bin: string, dir: string, port: number): ChildProcess {
  const args =
    kind === 'ferretdb'
      ? [
          '--handler=sqlite',
          `--sqlite-url=file:${dir}/`,
          `--state-dir=${dir}`,
          `--listen-addr=127.0.0.1:${port}`,
          '--debug-addr=-',
          '--telemetry=disable',
          '--log-level=error',
        ]
      : ['--dbpath', dir, '--port', String(port), '--bind_ip', '127.0.0.1', '--quiet'];
  const child = spawn(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.resume();
  return child;
}

async function stopChild(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function launch(kind: 'ferretdb' | 'mongod', bin: string): Promise<MongoWireServer> {
  const dir = await mkdtemp(path.join(tmpdir(), `counter-${kind}-`));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawnServer(kind, bin, dir, port);
    await waitForPort(port, child);
  };
  const stop = async () => {
    await stopChild(child);
    child = null;
  };
  const signal = (sig: NodeJS.Signals) => {
    if (!child) throw new Error(`${kind} is not running`);
    child.kill(sig);
  };
  const faults = {
    freeze: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    async crash() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((resolve) => c.once('exit', resolve));
      c.kill('SIGKILL');
      await exited;
      child = null;
    },
  };
  await start();
  const base = `mongodb://127.0.0.1:${port}`;
  const label = kind === 'ferretdb' ? 'FerretDB (SQLite backend)' : `mongod (${bin})`;
  return {
    description: `${label}: ${await serverVersion(base)}`,
    url: `${base}/test_${randomBytes(6).toString('hex')}`,
    restartable: true,
    start,
    stop,
    faults,
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A MongoDB-wire server for one test file, or the reason there is none. Under CI=true a
 * missing server is an error, not a skip.
 */
export async function startMongoWire(): Promise<MongoWireResult> {
  const given = process.env.MONGODB_URL;
  if (given) {
    const url = new URL(given);
    url.pathname = `/test_${randomBytes(6).toString('hex')}`;
    return {
      server: {
        description: `MONGODB_URL: ${await serverVersion(given)}`,
        url: url.toString(),
        restartable: false,
        start: async () => {},
        stop: async () => {},
        dispose: async () => {
          const client = new MongoClient(url.toString());
          await client.db().dropDatabase().finally(() => client.close());
        },
      },
    };
  }
  const mongod = onPath('mongod');
  if (mongod) return { server: await launch('mongod', mongod) };
  const ferret = ferretdbBinary();
  if (ferret) return { server: await launch('ferretdb', ferret) };
  const reason = 'no MongoDB-wire server: set MONGODB_URL, put mongod on the PATH, or run e2e/setup/test-deps.sh to build FerretDB';
  if (process.env.CI) throw new Error(`CI=true and ${reason}`);
  return { skipped: reason };
}
