/**
 * Prints, after the run, how many tests ran against the MongoDB-wire server and which server
 * it was, so a run that silently skipped them is visible at a glance (and CI logs say so).
 */
import type { Reporter, RunnerTask, RunnerTestFile } from 'vitest';

function* tests(task: RunnerTask, names: string[] = []): Generator<{ name: string; state: string }> {
  const path = [...names, task.name];
  if (task.type === 'test') {
    yield { name: path.join(' > '), state: task.mode === 'skip' || task.mode === 'todo' ? 'skip' : (task.result?.state ?? 'skip') };
  } else if ('tasks' in task) {
    for (const child of task.tasks) yield* tests(child, path);
  }
}

export default class MongodbReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = []) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const servers = new Set<string>();
    for (const file of files) {
      for (const t of tests(file)) {
        const match = /mongodb \(([^)]*\)?[^)]*)\)/i.exec(t.name);
        if (!/mongodb/i.test(t.name)) continue;
        if (match?.[1]) servers.add(match[1]);
        if (t.state === 'pass') passed++;
        else if (t.state === 'fail') failed++;
        else skipped++;
      }
    }
    if (passed + failed + skipped === 0) return;
    const on = servers.size ? ` on ${[...servers].join('; ')}` : '';
    console.log(`\n MongoDB-wire tests: ${passed} passed, ${failed} failed, ${skipped} skipped${on}\n`);
  }
}
