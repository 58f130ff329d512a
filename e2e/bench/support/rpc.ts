/**
 * Load generators run as child processes (so the server's CPU and memory are its own) and
 * are driven over the IPC channel: the parent calls a named command and awaits its result.
 * A child exits when its parent goes away, so none is left behind.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { stop, track } from './children.js';
import { within } from './time.js';

type Api = Record<string, (arg: any) => Promise<unknown>>;

interface Request {
  id: number;
  name: string;
  arg: unknown;
}
type Response = { id: number; result: unknown } | { id: number; error: string } | { ready: true };

export interface Remote<A extends Api> {
  pid: number;
  call<K extends keyof A & string>(name: K, arg: Parameters<A[K]>[0], timeoutMs: number): Promise<Awaited<ReturnType<A[K]>>>;
  close(): Promise<void>;
}

/** Starts `moduleUrl` (a file calling serve()) as a child process under tsx. */
export async function spawnRemote<A extends Api>(moduleUrl: URL, label: string): Promise<Remote<A>> {
  const child = track(
    fork(fileURLToPath(moduleUrl), [], {
      execArgv: ['--import', 'tsx'],
      // Structured clone: typed arrays of samples cross as they are.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  // Messages sent before the child listens would be dropped: it says when it is ready.
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (raw) => {
      if ((raw as { ready?: true }).ready) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${label} exited (${code}) before it was ready`)));
  });
  child.on('message', (raw) => {
    const message = raw as Response;
    if (!('id' in message)) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if ('error' in message) waiter.reject(new Error(`${label}: ${message.error}`));
    else waiter.resolve(message.result);
  });
  child.once('exit', (code, signal) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`${label} exited (${signal ?? code})`));
    pending.clear();
  });
  await within(ready, 30_000, `${label} start`);

  return {
    pid: child.pid!,
    call(name, arg, timeoutMs) {
      const id = nextId++;
      const result = new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, name, arg } satisfies Request);
      });
      return within(result, timeoutMs, `${label} ${name}`) as never;
    },
    close: () => stop(child, 5000),
  };
}

/** In the child: answer the parent's calls with `api`. */
export function serve(api: Api): void {
  process.on('message', (raw) => {
    const { id, name, arg } = raw as Request;
    const handler = api[name];
    const run = handler ? handler(arg) : Promise.reject(new Error(`unknown command ${name}`));
    run.then(
      (result) => process.send!({ id, result } satisfies Response),
      (err: unknown) => process.send!({ id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies Response),
    );
  });
  // The parent is gone (finished, crashed or killed): so is this generator.
  process.on('disconnect', () => process.exit(0));
  process.send!({ ready: true } satisfies Response);
}
