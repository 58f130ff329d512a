/**
 * The MongoDB-wire server the tests use (FerretDB on a loopback port unless MONGODB_URL or
 * mongod is available), started once per bench run; each product run gets a fresh database.
 */
import { randomBytes } from 'node:crypto';
import { startMongoWire, type MongoWireServer } from '@counter/server/testing';
import { trackPid } from '../support/children.js';
import { childPids, commandOf } from '../support/proc-stats.js';

export interface Mongo {
  description: string;
  /** Its process, when the bench started it: its CPU is reported next to the server's. */
  pid: number | null;
  freshUrl(): string;
  dispose(): Promise<void>;
}

export async function startMongo(): Promise<Mongo> {
  const before = new Set(childPids(process.pid));
  const started = await startMongoWire();
  if ('skipped' in started) throw new Error(started.skipped);
  const server: MongoWireServer = started.server;
  const pid = childPids(process.pid).find((p) => !before.has(p) && /ferretdb|mongod/.test(commandOf(p))) ?? null;
  const untrack = pid ? trackPid(pid) : () => {};
  return {
    description: server.description,
    pid,
    freshUrl() {
      const url = new URL(server.url);
      url.pathname = `/bench_${randomBytes(6).toString('hex')}`;
      return url.toString();
    },
    async dispose() {
      await server.dispose();
      untrack();
    },
  };
}
