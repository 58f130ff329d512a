/**
 * The real server as a child process (tsx on src/main.ts), on a fixed loopback port so that
 * clients reconnect to the same address after a crash and restart on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverDir = fileURLToPath(new URL('../../../', import.meta.url));

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
      const c = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: serverDir,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: String(options.port),
          PUBLIC_URL: url,
          LOG_LEVEL: 'warn',
          DEMO: 'true',
          // 20 shoppers on one address, as fast as the server acks: the limits are not under test.
          VISITOR_EVENTS_PER_SECOND: '1000',
          VISITOR_SESSIONS_PER_MINUTE: '100000',
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
        c.once('exit', (code, sig) => {
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
