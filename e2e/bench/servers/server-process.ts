/**
 * A server under test in its own process: started with plain `node`, ready when it prints
 * its readiness line, stopped with SIGTERM (SIGKILL if it hangs). Its stderr is kept so a
 * failure to start can be explained.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { stop, track } from '../support/children.js';
import { within } from '../support/time.js';
import { freePort } from '@counter/server/testing';

export interface ServerProcess {
  pid: number;
  url: string;
  port: number;
  /** True once it exited; a server dying mid-run fails the run. */
  exited(): boolean;
  stop(): Promise<void>;
}

export async function startServerProcess(options: {
  label: string;
  script: string;
  nodeArgs?: string[];
  env: Record<string, string>;
  /** Printed on stdout once it listens. */
  ready: RegExp;
  timeoutMs?: number;
  /** Keep everything it prints in this file (diagnostics: --trace-gc, logs). */
  logFile?: string;
}): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = track(
    spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
      env: { ...process.env, ...options.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  if (options.logFile) {
    const log = createWriteStream(options.logFile);
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  }
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let stdout = '';
  await within(
    new Promise<void>((resolve, reject) => {
      const watch = (chunk: Buffer) => {
        stdout += chunk.toString();
        if (!options.ready.test(stdout)) return;
        child.stdout!.off('data', watch);
        resolve();
      };
      child.stdout!.on('data', watch);
      child.once('exit', (code) => reject(new Error(`${options.label} exited with ${code} while starting:\n${stderr}`)));
    }),
    options.timeoutMs ?? 60_000,
    `${options.label} start`,
  );
  // Keep draining its output so a chatty server never blocks on a full pipe.
  child.stdout!.resume();
  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      await stop(child, 15_000);
      if (child.exitCode !== 0 && child.signalCode === null && stderr.trim()) {
        console.error(`${options.label} stopped with code ${child.exitCode}:\n${stderr}`);
      }
    },
  };
}
