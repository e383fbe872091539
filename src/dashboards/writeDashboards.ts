import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { DASHBOARDS, dashboardPath, dashboardText } from './index';

/**
 * Writes dashboards/<name>.json for every bundled dashboard (`npm run dashboards`); a test checks
 * that the committed files equal what the TypeScript generates.
 */
const root = resolve(process.argv[2] ?? process.cwd());
for (const { name, build } of DASHBOARDS) {
  const file = resolve(root, dashboardPath(name));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, dashboardText(build()));
  process.stdout.write(`wrote ${dashboardPath(name)}\n`);
}
