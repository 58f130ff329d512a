import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { io } from 'socket.io-client';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = fileURLToPath(new URL('../../', import.meta.url));

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, LOG_LEVEL: 'info', DEMO: 'false', ...env },
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
    // The banner and pino's "listening" line are separate writes, in either order: wait for both.
    const listening = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start: ${proc.output()}`)), 20_000);
      const check = () => {
        if (proc.output().includes('Agent console') && listening.test(proc.output())) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.child.stdout.on('data', check);
      proc.child.stderr.on('data', check);
    });
    expect(proc.output()).toMatch(/admin@example\.com \/ \S{12,}/);
    const port = Number(listening.exec(proc.output())![1]);
    // A browser's leftovers: an idle keep-alive connection and a long-polling Socket.IO client.
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve) => http.get({ port, host: '127.0.0.1', path: '/health', agent }, (res) => res.resume().on('end', resolve)));
    const polling = io(`http://127.0.0.1:${port}/visitor`, { transports: ['polling'], reconnection: false, auth: {} });
    await new Promise<void>((resolve) => polling.io.once('open', () => resolve()));
    // And a request whose body never finishes (a stalled upload): not idle, yet must not hold shutdown.
    const stalled = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => stalled.once('connect', resolve));
    stalled.write('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"em');
    stalled.on('error', () => {});
    const started = Date.now();
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    polling.close();
    agent.destroy();
    stalled.destroy();
  });
});
