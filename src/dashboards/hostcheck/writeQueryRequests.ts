import { writeFileSync } from 'node:fs';

import type { Panel } from '@grafana/schema';

import { DEMO_VARIABLES } from '../demoValues';
import { DASHBOARDS } from '../index';
import { panelsOf, resolvedTargets } from '../panelTargets';
import { queryTime } from './grafanaTime';

/**
 * Writes the QueryData requests Grafana would send for every panel of every bundled dashboard, with the
 * dashboard's variables at their demo values (the datasource's own interpolation), for the host check
 * (hosttest/dashboards_test.go): `node scripts/run-ts.mjs src/dashboards/hostcheck/writeQueryRequests.ts <out.json>`.
 * Run it just before the check: relative ranges (now-30d) are resolved at that moment.
 */
export interface PanelRequest {
  dashboard: string;
  uid: string;
  panel: string;
  fromMs: number;
  toMs: number;
  intervalMs: number;
  maxDataPoints: number;
  /** Each target as DataQuery.json: the interpolated target plus intervalMs and maxDataPoints. */
  queries: Array<Record<string, unknown>>;
}

export function panelRequests(): PanelRequest[] {
  return DASHBOARDS.flatMap(({ name, build }) => {
    const dashboard = build();
    const targets = resolvedTargets(dashboard, DEMO_VARIABLES);
    // Only panels that read our datasource: the optional Prometheus row is Prometheus's to answer.
    const ours = new Set(targets.map((target) => target.panel));
    return panelsOf(dashboard)
      .filter((panel) => ours.has(panel))
      .map((panel: Panel) => {
        const time = queryTime(dashboard.time ?? { from: 'now-6h', to: 'now' }, {
          w: panel.gridPos?.w ?? 24,
          maxDataPoints: panel.maxDataPoints,
          interval: panel.interval,
        });
        const queries = targets
          .filter((target) => target.panel === panel)
          .map(({ query }) => ({ ...query, intervalMs: time.intervalMs, maxDataPoints: time.maxDataPoints }));
        return { dashboard: name, uid: dashboard.uid ?? '', panel: panel.title ?? '', ...time, queries };
      });
  });
}

const out = process.argv[2];
if (out) {
  const requests = panelRequests();
  writeFileSync(out, `${JSON.stringify(requests, null, 1)}\n`);
  process.stdout.write(`wrote ${requests.length} panel requests (${requests.reduce((n, r) => n + r.queries.length, 0)} queries) to ${out}\n`);
}
