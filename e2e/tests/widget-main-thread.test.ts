/**
 * What the widget costs the shop's page before the shopper shows intent: main-thread time
 * (Chrome's own Performance.getMetrics: TaskDuration, ScriptDuration, layout and style)
 * for the same page with and without the script tag, median of several cold loads each,
 * alternating. Written to e2e/artifacts/main-thread.json and printed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { useShopWorld } from '../support/shop-world.js';
import { launcher, shopPage } from '../support/widget.js';

const RUNS = 7;
const METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
type Sample = Record<(typeof METRICS)[number], number>;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('main-thread cost before intent', () => {
  const world = useShopWorld();

  beforeAll(async () => {
    const withWidget = shopPage({ chatUrl: world.server.url, siteId: world.site.id });
    // The same page without the two snippet scripts.
    world.shop.page('/without', withWidget.replace(/<script[\s\S]*?<\/script>\n/g, ''));
    world.shop.page('/with', withWidget);
  });

  async function sample(path: string): Promise<Sample> {
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    // `load` waits for async scripts, so the launcher is drawn by then. Nothing of
    // Playwright's (selector engine, polling) runs in the page before the metrics are read.
    await page.goto(world.shop.origin + path, { waitUntil: 'networkidle' });
    const { metrics } = await cdp.send('Performance.getMetrics');
    if (path === '/with') await launcher(page).waitFor();
    await context.close();
    const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return Object.fromEntries(METRICS.map((m) => [m, value(m)])) as Sample;
  }

  it('adds a few milliseconds at most', async () => {
    await sample('/with'); // warm the browser and the server once, uncounted
    await sample('/without');
    const runs: Record<'with' | 'without', Sample[]> = { with: [], without: [] };
    for (let i = 0; i < RUNS; i++) {
      runs.without.push(await sample('/without'));
      runs.with.push(await sample('/with'));
    }
    const report = Object.fromEntries(
      METRICS.map((m) => {
        const without = median(runs.without.map((s) => s[m]));
        const withWidget = median(runs.with.map((s) => s[m]));
        return [m, { withoutMs: +without.toFixed(2), withMs: +withWidget.toFixed(2), widgetMs: +(withWidget - without).toFixed(2) }];
      }),
    );
    await mkdir(new URL('../artifacts/', import.meta.url), { recursive: true });
    await writeFile(new URL('../artifacts/main-thread.json', import.meta.url), JSON.stringify({ runs: RUNS, report, samples: runs }, null, 2));
    console.log(`main-thread time before intent (median of ${RUNS} cold loads):`);
    console.table(report);
    // Generous: the point is "a few ms", not a benchmark on a shared 2-core machine.
    expect(report.TaskDuration!.widgetMs).toBeLessThan(30);
  });
});
