// Screenshots of the bundled dashboards and the app's pages in a running Grafana, for docs/screenshots/
// and plugin.json. It also fails when a panel shows an error: a panel that renders an error is a defect.
//
//   GRAFANA_URL=http://127.0.0.1:3000 GRAFANA_USER=admin GRAFANA_PASSWORD=admin \
//     node scripts/screenshots/shoot.mjs [--theme light|dark] [--only <uid>] [--out docs/screenshots]
//
// Chromium is Debian's (`apt-get install chromium`; CHROMIUM overrides /usr/bin/chromium). Grafana is
// yours: this script only opens pages in it (it builds and starts nothing).
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { findPanelProblems, waitForPanels } from './panelChecks.mjs';

const root = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({
  options: {
    theme: { type: 'string', default: 'light' },
    only: { type: 'string' },
    out: { type: 'string', default: join(root, 'docs/screenshots') },
    width: { type: 'string', default: '1600' },
  },
});
const base = (process.env.GRAFANA_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
// The app's pages, on the demo history's own names (src/dashboards/demoValues.ts).
const APP = '/a/argoperf-workflows-app';
const APP_PAGES = [
  { name: 'app-home', path: `${APP}/home` },
  { name: 'app-workflow', path: `${APP}/workflow?var-namespace=ml-training&var-workflow=model-train&from=now-30d&to=now` },
  { name: 'app-run', path: `${APP}/run?var-namespace=ml-training&var-run=large-benchmark-rk672&from=now-12h&to=now` },
  { name: 'app-cron', path: `${APP}/cron` },
  { name: 'app-config', path: '/plugins/argoperf-workflows-app' },
];

/** The bundled dashboards, read from dashboards/*.json (uid, title, default time range). */
function dashboards() {
  const dir = join(root, 'dashboards');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      return { name: file.replace(/\.json$/, ''), path: `/d/${json.uid}`, title: json.title };
    });
}

const pages = [...dashboards(), ...APP_PAGES].filter((page) => !args.only || page.name === args.only || page.path.endsWith(`/${args.only}`));
mkdirSync(args.out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
let problems = 0;
try {
  const context = await browser.newContext({
    viewport: { width: Number(args.width), height: 1000 },
  });
  // Grafana's pages answer an anonymous visitor with its login page: log in once, the cookie serves every tab.
  const login = await context.request.post(`${base}/login`, {
    data: { user: process.env.GRAFANA_USER ?? 'admin', password: process.env.GRAFANA_PASSWORD ?? 'admin' },
  });
  if (!login.ok()) {
    throw new Error(`logging in to ${base} failed: HTTP ${login.status()}`);
  }
  for (const page of pages) {
    const tab = await context.newPage();
    const separator = page.path.includes('?') ? '&' : '?';
    await tab.goto(`${base}${page.path}${separator}orgId=1&theme=${args.theme}`, { waitUntil: 'networkidle' });
    // Grafana loads panels as they scroll into view: a tall viewport shows (and loads) the whole dashboard.
    // Twice: the page grows as panels lay out.
    for (let pass = 0; pass < 2; pass++) {
      await waitForPanels(tab);
      const height = await tab.evaluate(() => document.documentElement.scrollHeight);
      await tab.setViewportSize({ width: Number(args.width), height: Math.min(Math.max(height, 1000), 6000) });
    }
    await waitForPanels(tab);
    const found = tab.url().includes('/login') ? ['the login page was shown instead'] : await findPanelProblems(tab);
    const file = join(args.out, `${page.name}${args.theme === 'dark' ? '-dark' : ''}.png`);
    await tab.screenshot({ path: file, fullPage: true });
    console.log(`${page.name}: ${file}${found.length ? `, ${found.length} problem(s)` : ''}`);
    for (const problem of found) {
      console.log(`  ${problem}`);
    }
    problems += found.length;
    await tab.close();
  }
} finally {
  await browser.close();
}
process.exitCode = problems ? 1 : 0;
