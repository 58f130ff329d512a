import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('../../', import.meta.url));

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('the server process', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('exits non-zero at start on a bad setting, naming the variable', async () => {
    const { exited, output } = run({ PORT: 'eighty', REASSIGN_AFTER_SECONDS: '-1' });
    expect(await exited).toBe(2);
    expect(output()).toContain('PORT');
    expect(output()).toContain('REASSIGN_AFTER_SECONDS');
  });

  it('stops on SIGTERM: closes sockets and store, exits 0 in bounded time', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'counter-proc-'));
    dirs.push(dataDir);
    const proc = run({ PORT: '0', DATA_DIR: dataDir, SHUTDOWN_TIMEOUT_MS: '5000' });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start: ${proc.output()}`)), 20_000);
      proc.child.stdout.on('data', () => {
        if (proc.output().includes('Agent console')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(proc.output()).toMatch(/admin@example\.com \/ \S{12,}/);
    const started = Date.now();
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
