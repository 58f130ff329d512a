/**
 * The real server as a child process, on a fixed loopback port so that clients reconnect to
 * the same address after a crash and restart on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = fileURLToPath(new URL('../../../', import.meta.url));
/** In dist/ like the real bundle, so paths.ts finds the repository root two levels up. */
const bundle = fileURLToPath(new URL(`../../../dist/fault-${process.pid}.mjs`, import.meta.url));
let bundled: Promise<unknown> | null = null;

/**
 * Bundles src/main.ts the way build.mjs does (npm packages external), once per test file:
 * the current source, never a stale dist/, and a restart costs node's start-up only, not
 * tsx compiling the whole server again on a busy machine.
 */
function bundleServer(): Promise<unknown> {
  bundled ??= import(`${serverDir}package.json`, { with: { type: 'json' } }).then(({ default: pkg }) =>
    build({
      entryPoints: [`${serverDir}src/main.ts`],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: Object.keys((pkg as { dependencies: Record<string, string> }).dependencies).filter((n) => !n.startsWith('@counter/')),
      logLevel: 'warning',
    }),
  );
  return bundled;
}

export async function removeBundle(): Promise<void> {
  bundled = null;
  await rm(bundle, { force: true });
}

export interface ServerProcess {
  readonly url: string;
  /** The process's output so far (every run of it), for failure messages. */
  output(): string;
  start(): Promise<void>;
  /** kill -9: no shutdown hook runs, nothing is flushed. */
  crash(): Promise<void>;
  /** SIGTERM and wait for a clean exit. */
  stop(): Promise<void>;
  ready(): Promise<number>;
}

export function serverProcess(options: { port: number; env: Record<string, string> }): ServerProcess {
  const url = `http://127.0.0.1:${options.port}`;
  let child: ChildProcess | null = null;
  let out = '';

  const exited = (c: ChildProcess) =>
    c.exitCode !== null || c.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((resolve) => c.once('exit', () => resolve()));

  async function signal(sig: NodeJS.Signals): Promise<void> {
    const c = child;
    child = null;
    if (!c) return;
    const gone = exited(c);
    c.kill(sig);
    await gone;
  }

  return {
    url,
    output: () => out,
    async start() {
      if (child) throw new Error('server already running');
      await bundleServer();
      const c = spawn(process.execPath, [bundle], {
        cwd: serverDir,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(options.port),
          PUBLIC_URL: url,
          LOG_LEVEL: 'warn',
          DEMO: 'true',
          // The demo site is what the harness talks to; its generated reports traffic (about
          // 1,700 conversations written at start) is not under test and slowed every restart.
          DEMO_TRAFFIC: 'false',
          // 20 shoppers on one address, as fast as the server acks: the limits are not under test.
          VISITOR_EVENTS_PER_SECOND: '1000',
          VISITOR_SESSIONS_PER_MINUTE: '100000',
          VISITOR_NEW_PER_MINUTE: '100000',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = c;
      const run = `\n--- start ${new Date().toISOString()} ---\n`;
      out += run;
      c.stdout!.on('data', (d) => (out += d));
      c.stderr!.on('data', (d) => (out += d));
      // main.ts prints the banner only after listen() resolved.
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start within 60 s:${out}`)), 60_000);
        const check = () => {
          if (!out.slice(out.lastIndexOf(run)).includes('Agent console')) return;
          clearTimeout(timer);
          c.stdout!.off('data', check);
          resolve();
        };
        c.stdout!.on('data', check);
        // 'close', not 'exit': the last words on stderr arrive before it, not before 'exit'.
        c.once('close', (code, sig) => {
          clearTimeout(timer);
          reject(new Error(`server exited at start (${code ?? sig}):${out.slice(out.lastIndexOf(run))}`));
        });
      });
    },
    crash: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    async ready() {
      try {
        return (await fetch(`${url}/ready`, { signal: AbortSignal.timeout(5000) })).status;
      } catch {
        return 0; // not answering at all
      }
    },
  };
}
