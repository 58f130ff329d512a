/**
 * Peak early warning benchmark (issue 15 item 5). Fails (exit 1) over budget:
 * - MAPE of next-hour arrivals over the last 14 normal days ≤ 25 % (hours with ≥ 10 arrivals);
 * - on the sale day (traffic 1.6x the usual from 08:00, then 6x at the 20:00 launch), the warning fires ≥ 15 minutes before the predicted wait of a newcomer
 *   exceeds the target, and before any shopper actually waits longer than it.
 *
 *   pnpm bench:forecast
 *
 * Runs the server's own forecast and wait model (domain/supervisor/) over a seeded history.
 */
import { LEAD_BUDGET_MS, MAPE_BUDGET, MAPE_MIN_ARRIVALS, measureMape, REPLAY, replayDay } from './measure.js';
import { SCENARIO } from './traffic.js';

const clock = (t: number | null) => (t === null ? 'never' : new Date(t).toISOString().slice(11, 16));
const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;

const m = await measureMape();
console.log(`next-hour arrivals, ${m.hours} hours of 14 normal days (≥ ${MAPE_MIN_ARRIVALS} arrivals): MAPE ${(m.mape * 100).toFixed(1)} % (budget ≤ ${MAPE_BUDGET * 100} %); WAPE over all hours ${(m.wape * 100).toFixed(1)} %`);

const sale = await replayDay(SCENARIO.saleDay!);
const normal = await replayDay(SCENARIO.saleDay! - 7);
console.log(
  `\nreplay: ${REPLAY.agents} agents × ${REPLAY.capacity} chats, handling ${REPLAY.handleSeconds} s, target ${REPLAY.targetSeconds} s, sale launch ${SCENARIO.launchHour}:00 UTC at ${SCENARIO.spike}x`,
);
console.log('| day | warning fired | predicted wait > target | a shopper waited > target | minutes warned |\n|---|---|---|---|---|');
for (const [name, r] of [['sale day', sale], ['same weekday, week before', normal]] as const) {
  console.log(`| ${name} | ${clock(r.warnedAt)} | ${clock(r.predictedOverAt)} | ${clock(r.actualOverAt)} | ${r.warningMinutes} |`);
}

const failures: string[] = [];
if (!(m.mape <= MAPE_BUDGET)) failures.push(`MAPE ${(m.mape * 100).toFixed(1)} % over ${MAPE_BUDGET * 100} %`);
if (sale.warnedAt === null || sale.predictedOverAt === null || sale.actualOverAt === null) {
  failures.push('the sale day replay did not warn, or never went over the target');
} else {
  const lead = Math.min(sale.predictedOverAt, sale.actualOverAt) - sale.warnedAt;
  console.log(`\nlead: warning ${minutes(sale.predictedOverAt - sale.warnedAt)} before the predicted wait, ${minutes(sale.actualOverAt - sale.warnedAt)} before a real one (budget ≥ ${minutes(LEAD_BUDGET_MS)})`);
  if (lead < LEAD_BUDGET_MS) failures.push(`warning only ${minutes(lead)} ahead`);
}
// Not a budget, said for honesty: a launch with no build-up in the day's traffic cannot be
// foreseen from history; the warning then comes with the spike itself.
const cold = await replayDay(SCENARIO.saleDay!, { ...SCENARIO, saleWarmup: 1 });
console.log(`cold launch (no build-up before ${SCENARIO.launchHour}:00), not budgeted: warning ${clock(cold.warnedAt)}, predicted over ${clock(cold.predictedOverAt)}, a shopper over ${clock(cold.actualOverAt)}`);
for (const f of failures) console.error(`FAIL: ${f}`);
process.exit(failures.length ? 1 : 0);
