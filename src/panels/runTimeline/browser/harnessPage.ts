import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

import type { MountSpec } from './harnessApi';

/** Chromium's flags for a headless run in a container or CI (no sandbox, GPU or first-run work). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
];

/** React DOM's profiling build (production speed, with <Profiler> timings), for the benchmark. */
const reactProfiling = (root: string): Plugin => ({
  name: 'react-dom-profiling',
  setup(builder) {
    builder.onResolve({ filter: /^react-dom$/ }, () => ({ path: join(root, 'node_modules/react-dom/profiling.js') }));
  },
});

export interface HarnessPage {
  browser: Browser;
  page: Page;
  mount(spec: MountSpec): Promise<number>;
  /** Closes the browser and deletes the bundle. */
  close(): Promise<void>;
}

/**
 * Bundles the harness page (esbuild, into a temporary folder), starts the Chromium that
 * scripts/browser/chromium.sh names, and opens the page. `root` is the checkout; `profiling` bundles
 * React DOM's profiling build so that the page can say how long React rendered.
 */
export async function openHarness(
  root: string,
  { viewport = { width: 1280, height: 800 }, profiling = false } = {}
): Promise<HarnessPage> {
  const dir = mkdtempSync(join(tmpdir(), 'run-timeline-harness-'));
  try {
    await build({
      entryPoints: [join(root, 'src/panels/runTimeline/browser/harness.tsx')],
      outfile: join(dir, 'harness.js'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'chrome120',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
      loader: { '.svg': 'text', '.woff': 'empty', '.woff2': 'empty', '.css': 'empty' },
      logLevel: 'error',
      plugins: profiling ? [reactProfiling(root)] : [],
    });
    writeFileSync(
      join(dir, 'harness.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>Run timeline</title></head><body><div id="root"></div><script src="harness.js"></script></body></html>'
    );
    const executablePath = execFileSync('sh', [join(root, 'scripts/browser/chromium.sh')], { encoding: 'utf8' }).trim();
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(pathToFileURL(join(dir, 'harness.html')).href);
      await page
        .waitForFunction(() => window.harness?.ready === true, undefined, { timeout: 30_000 })
        .catch(() => {
          throw new Error(`the harness page did not start: ${errors.join('; ') || 'no error reported'}`);
        });
      return {
        browser,
        page,
        mount: (spec) => page.evaluate((mountSpec) => window.harness.mount(mountSpec), spec),
        close: async () => {
          await browser.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      await browser.close();
      throw error;
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
