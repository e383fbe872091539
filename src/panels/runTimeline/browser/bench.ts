// `npm run bench:panel -- [repeats=5]`: the run timeline panel at 9,000 steps (+ retries) in Chromium:
// first render, scrolling through all the lines, and hovering bars (docs/benchmarks.md). The page is
// the browser test's harness with React DOM's profiling build, so React's own render time is measured
// beside the wall time to the painted frame.
import { resolve } from 'node:path';

import { openHarness } from './harnessPage';

const ROOT = resolve(__dirname, '../..');
const repeats = Number(process.argv[2] ?? 5);
const SCROLL_STEPS = 60;
const HOVERS = 50;
if (!Number.isInteger(repeats) || repeats < 1) {
  console.error('usage: npm run bench:panel -- [repeats >= 1]');
  process.exit(2);
}

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

interface Case {
  name: string;
  options: Record<string, unknown>;
}
const CASES: Case[] = [
  { name: 'one list (group by: none)', options: { groupBy: 'none' } },
  { name: 'grouped by step name, all groups open', options: { groupBy: 'stepName', collapseAbove: 100000 } },
  { name: 'grouped by step name, the fan-out collapsed (default)', options: { groupBy: 'stepName' } },
];

async function main() {
  const harness = await openHarness(ROOT, { viewport: { width: 1400, height: 900 }, profiling: true });
  const load = (await import('node:os')).loadavg()[0].toFixed(1);
  try {
    const version = harness.browser.version();
    console.log(
      `run timeline panel, 9,000 steps + retries, 1200 × 800 px, ${repeats} repeats, Chromium ${version}, load ${load}`
    );
    console.log(
      '| case | first render (painted) | React render | scroll step (painted) median / p95 | React per scroll step median / p95 | lines in the page | hover → tooltip painted median / p95 |'
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const { name, options } of CASES) {
      const first: number[] = [];
      const firstWork: number[] = [];
      const scroll: number[] = [];
      const scrollWork: number[] = [];
      const hover: number[] = [];
      let lines = 0;
      for (let r = 0; r < repeats + 1; r++) {
        const warmUp = r === 0;
        await harness.page.evaluate(() => window.harness.takeRenderWork());
        const painted = await harness.mount({ frame: 'fanOut9000', theme: 'dark', width: 1200, height: 800, options });
        const work = await harness.page.evaluate(() => window.harness.takeRenderWork());
        if (!warmUp) {
          first.push(painted);
          firstWork.push(work);
        }
        for (let step = 1; step <= SCROLL_STEPS; step++) {
          const stepMs = await harness.page.evaluate(
            (fraction) => window.harness.scrollTo(fraction),
            step / SCROLL_STEPS
          );
          const stepWork = await harness.page.evaluate(() => window.harness.takeRenderWork());
          if (!warmUp) {
            scroll.push(stepMs);
            scrollWork.push(stepWork);
          }
        }
        lines = await harness.page
          .locator('[data-testid="run-timeline-step"], [data-testid="run-timeline-group"]')
          .count();
        await harness.page.evaluate(() => window.harness.scrollTo(0.5));
        for (let i = 0; i < HOVERS; i++) {
          const hoverMs = await harness.page.evaluate((index) => window.harness.hoverBar(index), i);
          if (hoverMs < 0) {
            throw new Error(`no tooltip after hovering bar ${i} (${name})`);
          }
          if (!warmUp) {
            hover.push(hoverMs);
          }
        }
      }
      const scrollCells =
        options.collapseAbove === undefined && options.groupBy !== 'none'
          ? ['(3 lines: nothing to scroll)', '–']
          : [
              `${ms(median(scroll))} / ${ms(quantile(scroll, 0.95))}`,
              `${ms(median(scrollWork))} / ${ms(quantile(scrollWork, 0.95))}`,
            ];
      console.log(
        `| ${name} | ${ms(median(first))} | ${ms(median(firstWork))} | ${scrollCells.join(' | ')} | ${lines} | ${ms(median(hover))} / ${ms(quantile(hover, 0.95))} |`
      );
    }
  } finally {
    await harness.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
