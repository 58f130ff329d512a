/**
 * FerretDB on its PostgreSQL backend for the bench's MongoDB target (issue 9 item 7): on
 * this machine it acked 4,000 of 4,000 at N = 200 with p99 under 1 s, where the SQLite
 * backend the tests use had p99 29 s and failed sends. The test suite stays on the SQLite
 * backend (400 concurrent findAndModify over 160 connections deadlocked this one for good).
 * Started and stopped by the bench, each step bounded in time.
 */
import { spawn } from 'node:child_process';
import { freePort, FERRETDB_VERSION, waitForPort } from '@counter/server/testing';
import { stop, track } from '../support/children.js';
import { startPostgres } from './postgres-cluster.js';

export interface FerretPostgres {
  url: string;
  description: string;
  /** FerretDB's process (PostgreSQL's own processes are not in the database CPU figure). */
  pid: number;
  dispose(): Promise<void>;
}

export async function startFerretPostgres(ferretdb: string, postgresBin: string, timeoutMs = 60_000): Promise<FerretPostgres> {
  const pg = await startPostgres(postgresBin, timeoutMs);
  try {
    const port = await freePort();
    const child = track(
      spawn(
        ferretdb,
        [
          '--handler=postgresql',
          `--postgresql-url=${pg.url}`,
          // Else FerretDB writes its state.json into the working directory.
          `--state-dir=${pg.dir}`,
          `--listen-addr=127.0.0.1:${port}`,
          '--debug-addr=-',
          '--telemetry=disable',
          '--log-level=error',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      ),
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
    try {
      await waitForPort(port, child, timeoutMs);
    } catch (err) {
      await stop(child, 5000);
      throw new Error(`${(err as Error).message}\n${stderr}`);
    }
    return {
      url: `mongodb://127.0.0.1:${port}`,
      description: `FerretDB ${FERRETDB_VERSION} (PostgreSQL backend, ${postgresBin.split('/').at(-2)}, scratch cluster on loopback)`,
      pid: child.pid!,
      async dispose() {
        await stop(child, 10_000);
        await pg.dispose();
      },
    };
  } catch (err) {
    await pg.dispose();
    throw err;
  }
}
