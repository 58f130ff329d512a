/**
 * A scratch PostgreSQL cluster for the bench's MongoDB target (FerretDB's PostgreSQL
 * backend, issue 9 item 7): Debian's `postgresql` binaries, `initdb` in a temp folder, one
 * loopback port, trust authentication (nothing but this machine can reach it), removed at the
 * end. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user
 * (`runuser`), which owns the folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@counter/server/testing';
import { stop, track } from '../support/children.js';

export interface PostgresCluster {
  url: string;
  /** Its scratch folder (removed by dispose): room for the client's own state too. */
  dir: string;
  pid: number;
  dispose(): Promise<void>;
}

/** The newest Debian PostgreSQL installed, or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

const asRoot = process.getuid?.() === 0;

function uidOf(user: string): { uid: number; gid: number } {
  const out = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`running as root, and there is no "${user}" user to run PostgreSQL as`);
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** argv to run `bin` as the cluster's owner. */
const command = (bin: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]);

async function waitReady(binDir: string, port: number, socketDir: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`postgres exited (${child.exitCode ?? child.signalCode}) before it was ready`);
    const [cmd, args] = command(path.join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']);
    if (spawnSync(cmd, args).status === 0) return;
    if (Date.now() > deadline) throw new Error(`postgres did not accept connections on ${port} within ${timeoutMs} ms (sockets in ${socketDir})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function startPostgres(binDir: string, timeoutMs = 60_000): Promise<PostgresCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'counter-bench-pg-'));
  if (asRoot) {
    const { uid, gid } = uidOf('postgres');
    await chown(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  try {
    // --no-sync: a scratch cluster, thrown away after the run (the server's own fsync stays on).
    const [initCmd, initArgs] = command(path.join(binDir, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-instructions', '--no-sync']);
    const init = spawnSync(initCmd, initArgs, { encoding: 'utf8', timeout: timeoutMs });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error?.message}`);
    const port = await freePort();
    // FerretDB opens a pool per client connection's database; the bench's product server
    // holds up to ~100 driver connections. fsync stays on (as shipped by PostgreSQL).
    const [cmd, args] = command(path.join(binDir, 'postgres'), ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-c', 'max_connections=400', '-c', 'shared_buffers=128MB']);
    const child = track(spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] }));
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => void (stderr = (stderr + d.toString()).slice(-4000)));
    try {
      await waitReady(binDir, port, dir, child, timeoutMs);
    } catch (err) {
      await stop(child, 5000);
      throw new Error(`${(err as Error).message}\n${stderr}`);
    }
    const [createCmd, createArgs] = command(path.join(binDir, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'ferretdb']);
    const created = spawnSync(createCmd, createArgs, { encoding: 'utf8', timeout: timeoutMs });
    if (created.status !== 0) {
      await stop(child, 5000);
      throw new Error(`createdb failed: ${created.stderr}`);
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/ferretdb`,
      dir,
      // runuser's child is postgres itself (runuser execs after a fork and waits): its pid
      // is the one the CPU figures follow through its children.
      pid: child.pid!,
      async dispose() {
        // SIGTERM is PostgreSQL's "smart" shutdown: it waits for clients; FerretDB is stopped first.
        await stop(child, 10_000);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
