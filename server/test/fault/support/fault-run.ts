/**
 * One fault scenario's world: a data folder, the server process on a fixed port, 20 shoppers
 * who have written their 1,000 messages into their outboxes; and the verdict at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { freePort } from '../../support/ports.js';
import { Fleet, report } from './fleet.js';
import { removeBundle, serverProcess, type ServerProcess } from './server-process.js';

export interface FaultRun {
  dataDir: string;
  server: ServerProcess;
  fleet: Fleet;
  /** Messages written, all of which must end up stored exactly once. */
  total: number;
}

const open: (() => Promise<void>)[] = [];

/** Starts a scenario; `dataDir` defaults to a fresh temp folder (removed by closeRuns). */
export async function startRun(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<FaultRun> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'counter-fault-')));
  if (!options.dataDir) open.push(() => rm(dataDir, { recursive: true, force: true }));
  const server = serverProcess({ port: await freePort(), env: { DATA_DIR: dataDir, ...options.env } });
  open.push(() => server.crash());
  await server.start();
  const fleet = await Fleet.join(server.url);
  open.push(async () => fleet.close());
  fleet.writeAll();
  return { dataDir, server, fleet, total: fleet.sent };
}

/** Stops everything the scenarios started, newest first (for afterEach/afterAll). */
export async function closeRuns(): Promise<void> {
  for (const close of open.splice(0).reverse()) await close();
  await removeBundle();
}

/** Reads everything back, prints the figures, and holds the run to "nothing lost, nothing doubled". */
export async function expectEverythingOnce(run: FaultRun, scenario: string): Promise<void> {
  const { figures, problems } = await run.fleet.audit(scenario);
  report(figures);
  expect(problems).toEqual({ gaps: [], misordered: [], unbacked: [] });
  expect(figures).toMatchObject({ sent: run.total, acked: run.total, stored: run.total, lost: 0, duplicated: 0 });
}
