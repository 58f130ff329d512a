/**
 * The bench's MongoDB target, started once per bench run; each product run gets a fresh
 * database. MONGODB_URL or `mongod` when available (what the tests use); else FerretDB on
 * its PostgreSQL backend (Debian's `postgresql`, a scratch cluster, see ferretdb-postgres.ts);
 * else, with a warning, FerretDB on the SQLite backend the tests use.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ferretdbBinary, startMongoWire } from '@counter/server/testing';
import { trackPid } from '../support/children.js';
import { childPids, commandOf } from '../support/proc-stats.js';
import { startFerretPostgres } from './ferretdb-postgres.js';
import { postgresBinDir } from './postgres-cluster.js';

export interface Mongo {
  description: string;
  /** Its process, when the bench started it: its CPU is reported next to the server's. */
  pid: number | null;
  freshUrl(): string;
  dispose(): Promise<void>;
}

const hasMongod = () => process.env.PATH?.split(':').some((dir) => dir && existsSync(path.join(dir, 'mongod'))) ?? false;

function withFreshDatabase(base: string): () => string {
  return () => {
    const url = new URL(base);
    url.pathname = `/bench_${randomBytes(6).toString('hex')}`;
    return url.toString();
  };
}

export async function startMongo(log: (line: string) => void = console.error): Promise<Mongo> {
  const ferretdb = ferretdbBinary();
  const postgres = postgresBinDir();
  if (!process.env.MONGODB_URL && !hasMongod() && ferretdb) {
    if (postgres) {
      const server = await startFerretPostgres(ferretdb, postgres);
      return { description: server.description, pid: server.pid, freshUrl: withFreshDatabase(server.url), dispose: () => server.dispose() };
    }
    log('bench: no PostgreSQL in /usr/lib/postgresql (apt-get install postgresql): the mongodb target runs on FerretDB\'s SQLite backend, which saturates far below N = 200');
  }
  const before = new Set(childPids(process.pid));
  const started = await startMongoWire();
  if ('skipped' in started) throw new Error(started.skipped);
  const server = started.server;
  const pid = childPids(process.pid).find((p) => !before.has(p) && /ferretdb|mongod/.test(commandOf(p))) ?? null;
  const untrack = pid ? trackPid(pid) : () => {};
  return {
    description: server.description,
    pid,
    freshUrl: withFreshDatabase(server.url),
    async dispose() {
      await server.dispose();
      untrack();
    },
  };
}
