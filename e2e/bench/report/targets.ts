/**
 * The targets, for the embedded store at N = 2000 against the relay of the same run:
 * p99 shopper→agent latency ≤ 3× the relay's, RSS per connected shopper ≤ 2× the relay's,
 * nothing lost, nothing duplicated (and, stricter than asked, every send acknowledged).
 */
import type { ChatResult } from '../scenarios/chat.js';

export const TARGET_N = 2000;

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export interface Verdict {
  /** The N the targets were checked at (null: not checked, see note). */
  n: number | null;
  checks: Check[];
  pass: boolean;
  note: string | null;
}

export function checkTargets(chat: ChatResult[]): Verdict {
  const runs = (target: string) => chat.filter((r) => r.target === target);
  const comparable = runs('embedded')
    .map((r) => r.n)
    .filter((n) => runs('relay').some((r) => r.n === n));
  if (!comparable.length) {
    return { n: null, checks: [], pass: true, note: 'targets not checked: they need the relay and the embedded store at the same N' };
  }
  const n = comparable.includes(TARGET_N) ? TARGET_N : Math.max(...comparable);
  const product = runs('embedded').find((r) => r.n === n)!;
  const relay = runs('relay').find((r) => r.n === n)!;
  const latencyLimit = 3 * relay.latency.p99;
  const rssLimit = 2 * relay.rss.perShopperKB;
  const failed = product.sent - product.acked;
  const checks: Check[] = [
    {
      name: 'p99 shopper→agent ≤ 3× relay',
      pass: product.latency.p99 <= latencyLimit,
      detail: `${product.latency.p99.toFixed(2)} ms vs limit ${latencyLimit.toFixed(2)} ms (relay ${relay.latency.p99.toFixed(2)} ms)`,
    },
    {
      name: 'RSS per connected shopper ≤ 2× relay',
      pass: product.rss.perShopperKB <= rssLimit,
      detail: `${product.rss.perShopperKB.toFixed(1)} KB vs limit ${rssLimit.toFixed(1)} KB (relay ${relay.rss.perShopperKB.toFixed(1)} KB)`,
    },
    { name: '0 lost', pass: product.lost === 0, detail: `${product.lost} lost` },
    { name: '0 duplicated', pass: product.duplicated === 0, detail: `${product.duplicated} duplicated` },
    { name: 'every send acked', pass: failed === 0, detail: `${failed} of ${product.sent} failed` },
  ];
  return {
    n,
    checks,
    pass: checks.every((c) => c.pass),
    note: n === TARGET_N ? null : `checked at N = ${n}: the targets are defined at N = ${TARGET_N}, which this run did not include`,
  };
}

export function renderVerdict(verdict: Verdict): string {
  if (verdict.n === null) return verdict.note ?? '';
  return [
    `Targets (embedded store, N = ${verdict.n}, against the relay in this run):`,
    ...verdict.checks.map((c) => `  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name.padEnd(38)} ${c.detail}`),
    ...(verdict.note ? [`  (${verdict.note})`] : []),
  ].join('\n');
}
