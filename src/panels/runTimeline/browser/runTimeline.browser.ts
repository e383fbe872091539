import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { TEXT } from '../text';
import { openHarness, type HarnessPage } from './harnessPage';

// The panel in Debian's Chromium with Grafana's theme and the golden frames; what a reader sees is
// asserted from the page (layout, computed colours, the tooltip) and kept as screenshots for the docs.
const ROOT = resolve(__dirname, '../../../..');
const SHOTS = resolve(ROOT, process.env.RUN_TIMELINE_SCREENSHOTS ?? 'docs/screenshots');

/** #rrggbb as the browser computes a colour: rgb(r, g, b). */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
/** A colour of Grafana's palette in a theme, as the page's own @grafana/data has it. */
const color = async (mode: 'light' | 'dark', name: string) =>
  rgb(await harness.page.evaluate(([m, n]) => window.harness.themeColor(m, n), [mode, name] as const));

let harness: HarnessPage;
const shot = (name: string) =>
  harness.page.locator('#root').screenshot({ path: join(SHOTS, `run-timeline-${name}.png`) });
const bar = (label: string) => harness.page.locator(`[data-testid="run-timeline-bar"][aria-label^="${label}"]`);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await openHarness(ROOT);
});
afterAll(async () => {
  await harness?.close();
});

describe('run timeline panel in Chromium', () => {
  test('dark theme: a bar per started attempt in its phase colour, the critical path outlined, bars where their times are', async () => {
    await harness.mount({ frame: 'nightly', theme: 'dark', width: 1100, height: 260, options: { groupBy: 'none' } });
    const bars = harness.page.getByTestId('run-timeline-bar');
    await expect(bars.count()).resolves.toBe(7); // 8 attempts, the skipped one without a bar
    const critical = await bars.evaluateAll((all) =>
      all
        .filter((element) => element.dataset.critical === 'true')
        .map((element) => [getComputedStyle(element).outlineStyle, getComputedStyle(element).outlineColor])
    );
    expect(critical).toEqual(Array(6).fill(['solid', await color('dark', 'purple')]));
    await expect(bar('lint-config').evaluate((element) => getComputedStyle(element).outlineStyle)).resolves.toBe(
      'none'
    );
    await expect(bar('train(0)').evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe(
      await color('dark', 'red')
    );
    await expect(bar('evaluate').evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe(
      await color('dark', 'green')
    );

    // fetch-data 0-120 s, preprocess 120-600 s, train(1) 1530-2700 s, publish 2940-3000 s of a 3,000 s run
    const [fetch, preprocess, retry, publish] = await Promise.all(
      ['fetch-data', 'preprocess', 'train(1)', 'publish'].map((label) => bar(label).boundingBox())
    );
    const track = publish!.x + publish!.width - fetch!.x;
    expect((preprocess!.x - fetch!.x) / track).toBeCloseTo(120 / 3000, 2);
    expect((retry!.x - fetch!.x) / track).toBeCloseTo(1530 / 3000, 2);
    expect(retry!.width / track).toBeCloseTo(1170 / 3000, 2);
    // a 50-minute run on a track of about 800 px: at most 8 labels 90 px apart, so every 10 minutes
    await expect(harness.page.getByTestId('run-timeline-axis').innerText()).resolves.toMatch(
      /^0s\s+10m\s+20m\s+30m\s+40m\s+50m$/
    );
    await shot('dark');
  });

  test('hovering a bar shows what it was, and a click opens the step in the Argo UI', async () => {
    await harness.mount({ frame: 'nightly', theme: 'dark', width: 1100, height: 260, options: { groupBy: 'none' } });
    await bar('train(0)').hover();
    const tooltip = harness.page.getByTestId('run-timeline-tooltip');
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    for (const expected of [
      'train(0)',
      'Failed',
      '0 (2 attempts)',
      '15m',
      `0s, ${TEXT.tooltip.critical}`,
      'spot-node-7',
      'pod deleted: spot instance reclaimed',
      TEXT.openInArgo,
    ]) {
      expect(text).toContain(expected);
    }
    await harness.page.screenshot({
      path: join(SHOTS, 'run-timeline-tooltip.png'),
      clip: { x: 0, y: 0, width: 1140, height: 440 },
    });

    const argo = 'https://argo.example.com/workflows/ml-training/nightly-training-x7k2p';
    await harness.page
      .context()
      .route(`${argo}*`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Argo</title>' }));
    const [popup] = await Promise.all([harness.page.waitForEvent('popup'), bar('preprocess').click()]);
    expect(popup.url()).toBe(`${argo}?nodeId=n2`);
    await popup.close();
  });

  test('light theme: the light palette and background', async () => {
    await harness.mount({
      frame: 'nightly',
      theme: 'light',
      width: 1100,
      height: 300,
      options: { groupBy: 'template' },
    });
    await expect(bar('train(0)').evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe(
      await color('light', 'red')
    );
    await expect(
      harness.page.locator('#root').evaluate((element) => getComputedStyle(element).backgroundColor)
    ).resolves.toBe(rgb(await harness.page.evaluate(() => window.harness.panelBackground('light'))));
    await expect(harness.page.getByTestId('run-timeline-group').count()).resolves.toBe(7);
    // a group of one step spans just that step: its line and the step's bar start at the same x (indented labels too)
    const [span, fetch] = await Promise.all([
      harness.page.getByTestId('run-timeline-group-span').first().boundingBox(),
      bar('fetch-data').boundingBox(),
    ]);
    expect(Math.abs(span!.x - fetch!.x)).toBeLessThan(1);
    await shot('light');
  });

  test('9,000 steps: the fan-out starts collapsed; opened, only the lines in view are in the page and scrolling reaches the last', async () => {
    await harness.mount({
      frame: 'fanOut9000',
      theme: 'dark',
      width: 1100,
      height: 420,
      options: { groupBy: 'stepName' },
    });
    // fetch-data, a group of one step, is its own line (no header repeating its name)
    await expect(harness.page.getByTestId('run-timeline-group').allInnerTexts()).resolves.toEqual(['▸ shard 9,000 steps']);
    await shot('9000-collapsed');
    await harness.page.getByRole('button', { name: TEXT.expand('shard') }).click();
    const lines = await harness.page.getByTestId('run-timeline-step').count();
    expect(lines).toBeGreaterThan(10);
    expect(lines).toBeLessThan(80);
    await shot('9000');
    await harness.page
      .getByTestId('run-timeline-rows')
      .evaluate((element) => element.scrollTo(0, element.scrollHeight));
    // the virtualiser renders the new lines on the scroll event's next frame: wait for them (a loaded
    // machine can take a while), then check the last line
    await harness.page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="run-timeline-step"]')].some((line) => line.textContent?.includes('shard(8999:part-8999)')),
      undefined,
      { timeout: 30_000 }
    );
    await expect(harness.page.getByTestId('run-timeline-step').last().innerText()).resolves.toBe(
      'shard(8999:part-8999)'
    );
    await expect(harness.page.getByTestId('run-timeline-step').last().getAttribute('data-critical')).resolves.toBe(
      'true'
    );
  });

  test('an empty run and a frame of another query are messages, not a crash', async () => {
    await harness.mount({ frame: 'empty', theme: 'light', width: 700, height: 120 });
    await expect(harness.page.getByRole('status').innerText()).resolves.toBe(TEXT.emptyRun('daily-report-29mfz'));
    await shot('empty');
    await harness.mount({ frame: 'foreign', theme: 'dark', width: 700, height: 120 });
    await expect(harness.page.getByRole('status').innerText()).resolves.toContain(
      'lacks the fields "step", "phase", "start", "end", "critical", "nodeId"'
    );
    await harness.mount({ frame: 'none', theme: 'dark', width: 700, height: 120 });
    await expect(harness.page.getByRole('status').innerText()).resolves.toBe(TEXT.noData);
  });
});
