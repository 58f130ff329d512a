/** Prints the run's tables and verdict, and writes everything as JSON next to the bench. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AssignmentResult } from '../scenarios/assignment.js';
import type { ChatResult } from '../scenarios/chat.js';
import type { IdleResult } from '../scenarios/idle.js';
import type { TargetName } from '../servers/deploy.js';
import { describeProbe } from '../support/disk-probe.js';
import type { Machine } from '../support/machine.js';
import { renderMarkdown, renderText, type Table } from './table.js';
import { assignmentTable, chatTable, idleTable } from './tables.js';
import { renderVerdict, type Verdict } from './targets.js';

export interface RunError {
  scenario: string;
  target: TargetName;
  size: number;
  error: string;
}

export interface Skipped {
  scenario: string;
  target: TargetName;
  size: number;
  reason: string;
}

export interface RunResults {
  startedAt: Date;
  command: string;
  options: unknown;
  machine: Machine;
  mongo: string | null;
  chat: ChatResult[];
  idle: IdleResult[];
  assignment: AssignmentResult[];
  verdict: Verdict;
  errors: RunError[];
  skipped: Skipped[];
}

export function tablesOf(results: RunResults, sizes: number[]): Table[] {
  return [
    ...sizes.map((n) => results.chat.filter((r) => r.n === n)).filter((rs) => rs.length).map((rs) => chatTable(rs[0]!.n, rs)),
    ...(results.idle.length ? [idleTable(results.idle)] : []),
    ...(results.assignment.length ? [assignmentTable(results.assignment)] : []),
  ];
}

export function header({ startedAt, machine, mongo }: RunResults): string {
  const { load } = machine;
  return [
    `Counter bench, ${startedAt.toISOString()}: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}`,
    `Load average (1 min): ${load.before} at the start, ${load.after} at the end, ${load.min}–${load.max} during the run`,
    ...(mongo ? [`MongoDB-wire server: ${mongo}`] : []),
    `Disk before: ${describeProbe(machine.diskBefore)}`,
    `Disk after:  ${describeProbe(machine.diskAfter)}`,
  ].join('\n');
}

export function printResults(results: RunResults, tables: Table[]): void {
  console.log(`\n${header(results)}`);
  for (const table of tables) console.log(`\n${renderText(table)}`);
  console.log(`\n${renderVerdict(results.verdict)}`);
  for (const s of results.skipped) console.log(`skipped: ${s.scenario} ${s.target} at ${s.size} (${s.reason})`);
  for (const e of results.errors) console.log(`ERROR ${e.scenario} ${e.target} ${e.size}: ${e.error}`);
}

/** Writes results/bench-<start time>.json; returns its path. */
export function writeResults(dir: string, results: RunResults, tables: Table[]): string {
  const file = path.join(dir, `bench-${results.startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const { startedAt, verdict, ...rest } = results;
  const json = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    ...rest,
    targets: verdict,
    header: header(results),
    markdown: tables.map(renderMarkdown).join('\n\n'),
  };
  writeFileSync(file, JSON.stringify(json, null, 2));
  return file;
}
