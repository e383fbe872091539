import fs from 'fs';
import path from 'path';
import type { Panel, VariableModel } from '@grafana/schema';

import appPluginJson from '../plugin.json';
import { DATASOURCE_TYPE } from '../constants';
import { parseQuery } from '../query/parseQuery';
import { dashboardProblems } from './dashboardChecks';
import { DEMO_VARIABLES } from './demoValues';
import { DASHBOARDS, dashboardPath, dashboardText } from './index';
import { linkedUid } from './kit';
import { panelsOf, resolvedTargets, variablesIn } from './panelTargets';

const root = path.resolve(__dirname, '..', '..');
const built = DASHBOARDS.map(({ name, build }) => ({ name, dashboard: build() }));

/** Variables Grafana defines itself (data links, time range). */
const BUILT_IN = /^__/;

describe.each(built)('dashboard $name', ({ name, dashboard }) => {
  const variables = (dashboard.templating?.list ?? []) as VariableModel[];
  const names = variables.map((variable) => variable.name);

  test('the committed JSON is what the TypeScript generates (npm run dashboards)', () => {
    const committed = fs.readFileSync(path.join(root, dashboardPath(name)), 'utf8');
    expect(committed).toBe(dashboardText(dashboard));
  });

  test('is a Grafana 12 dashboard: required fields, unique ids, panels inside the grid without overlap', () => {
    expect(dashboard.schemaVersion).toBe(42);
    expect(dashboardProblems(dashboard)).toEqual([]);
  });

  test('every data panel reads our datasource through the datasource variable and says what it shows', () => {
    const datasourceVariable = variables.find((variable) => variable.type === 'datasource');
    expect(datasourceVariable).toMatchObject({ name: 'datasource', query: DATASOURCE_TYPE });
    for (const panel of panelsOf(dashboard).filter((p) => p.type !== 'text')) {
      if (panel.datasource?.type === 'prometheus') {
        // The optional Prometheus row reads its own datasource variable, inside a collapsed row that says so.
        expect([panel.title, panel.datasource.uid]).toEqual([panel.title, '${prometheus}']);
        expect(variables.find((variable) => variable.name === 'prometheus')).toMatchObject({ type: 'datasource', query: 'prometheus' });
        continue;
      }
      expect([panel.title, panel.datasource]).toEqual([panel.title, { type: DATASOURCE_TYPE, uid: '${datasource}' }]);
      expect([panel.title, (panel.description ?? '').length > 20]).toEqual([panel.title, true]);
      expect([panel.title, panel.targets?.length]).toEqual([panel.title, expect.any(Number)]);
      for (const target of panel.targets ?? []) {
        expect([panel.title, target.datasource]).toEqual([panel.title, panel.datasource]);
      }
    }
  });

  test('every target parses with the shared query model once the variables hold demo values', () => {
    const problems = resolvedTargets(dashboard, DEMO_VARIABLES).flatMap(({ panel, query }) => {
      const parsed = parseQuery(query);
      // Grafana itself resolves the datasource reference; everything else is the datasource's to fill in.
      const { datasource: _datasource, ...own } = query;
      const leftOver = variablesIn(JSON.stringify(own));
      return [
        ...('error' in parsed ? [`${panel.title} ${query.refId}: ${parsed.error}`] : []),
        ...(leftOver.length ? [`${panel.title} ${query.refId}: not interpolated: ${leftOver.join(', ')}`] : []),
      ];
    });
    expect(problems).toEqual([]);
    expect(resolvedTargets(dashboard, DEMO_VARIABLES).length).toBeGreaterThan(0);
  });

  test('every variable a panel, link or variable query uses is defined (variables before their users)', () => {
    const used = new Set(
      variablesIn(JSON.stringify(dashboard.panels)).concat(variablesIn(JSON.stringify(dashboard.links ?? []))).filter((n) => !BUILT_IN.test(n))
    );
    expect([...used].filter((n) => !names.includes(n))).toEqual([]);
    variables.forEach((variable, index) => {
      const needs = variablesIn(String(variable.query ?? '')).concat(variablesIn(JSON.stringify(variable.datasource ?? {})));
      expect([variable.name, needs.filter((n) => !names.slice(0, index).includes(n))]).toEqual([variable.name, []]);
    });
  });

  test('resource variables list values of our datasource, several at once, with All, refreshed with the time range', () => {
    for (const variable of variables.filter((v) => v.type === 'query')) {
      // A run variable picks one run (the progress query follows one); every other list takes several.
      const one = variable.name === 'run';
      expect(variable).toMatchObject({ datasource: { type: DATASOURCE_TYPE, uid: '${datasource}' }, multi: !one, includeAll: !one, refresh: 2 });
    }
  });

  test('drill-down links open bundled dashboards and set only variables those define', () => {
    const byUid = new Map(built.map((b) => [b.dashboard.uid, b.dashboard]));
    for (const url of linkUrls(panelsOf(dashboard))) {
      const uid = linkedUid(url);
      if (uid === undefined) {
        expect(url).toMatch(/^https?:|^\$\{/);
        continue;
      }
      const target = byUid.get(uid);
      expect([url, target?.uid]).toEqual([url, uid]);
      const targetNames = (target?.templating?.list ?? []).map((v) => v.name);
      const setVars = [...url.matchAll(/[?&]var-(\w+)=/g), ...url.matchAll(/\$\{(\w+):queryparam\}/g)].map((m) => m[1]);
      expect([url, setVars.filter((v) => !targetNames.includes(v))]).toEqual([url, []]);
      expect(url).toContain('${datasource:queryparam}');
    }
  });

  test('each panel shows its values in the unit its query answers', () => {
    for (const panel of panelsOf(dashboard).filter((p) => p.type !== 'text')) {
      const expected = [...new Set((panel.targets ?? []).map((t) => expectedUnit(t as Record<string, unknown>)))].filter(Boolean);
      if (panel.type === 'heatmap') {
        expect([panel.title, (panel.options as { yAxis?: { unit?: string } }).yAxis?.unit]).toEqual([panel.title, 's']);
        continue;
      }
      if (expected.length !== 1) {
        continue; // tables and mixed panels set units per column: checked by the dashboard's own test
      }
      const unit = panel.fieldConfig?.defaults.unit ?? overrideUnits(panel)[0];
      expect([panel.title, unit]).toEqual([panel.title, expected[0]]);
    }
  });
});

/**
 * The unit a target's values are in, from docs/contracts.md (independent of the kit's UNITS): durations,
 * delays and times since are seconds, rates 0–1, averages of cores and MiB, ratios against a baseline.
 */
function expectedUnit(target: Record<string, unknown>): string | undefined {
  const list = (key: string) => (Array.isArray(target[key]) ? (target[key] as string[]) : []);
  switch (target.queryType) {
    case 'durations':
      return list('stats').every((s) => s !== 'count') ? 's' : undefined;
    case 'outcomes':
      if (target.view === 'reasons') {
        return undefined;
      }
      return list('measures').every((m) => m === 'failure_rate') ? 'percentunit' : list('measures').includes('failure_rate') ? undefined : 'short';
    case 'baseline':
      return 'suffix:×';
    case 'cronDrift':
      return ({ delay: 's', sinceSuccess: 's', missed: 'short' } as Record<string, string | undefined>)[String(target.view ?? 'delay')];
    case 'resources': {
      const only = list('resources');
      const one = only.length === 1 ? only[0] : undefined;
      return ({ avg_cores: 'suffix: cores', avg_memory: 'mbytes', gpu: 's' } as Record<string, string | undefined>)[one ?? ''];
    }
    case 'live':
      return target.view === 'overrun' ? 'suffix:×' : undefined;
    default:
      return undefined;
  }
}

function overrideUnits(panel: Panel): string[] {
  return (panel.fieldConfig?.overrides ?? []).flatMap((o) => o.properties.filter((p) => p.id === 'unit').map((p) => String(p.value)));
}

function linkUrls(panels: Panel[]): string[] {
  const urls: string[] = [];
  const collect = (links: unknown) => (Array.isArray(links) ? links : []).forEach((l: { url?: string }) => l.url && urls.push(l.url));
  for (const panel of panels) {
    collect(panel.fieldConfig?.defaults.links);
    (panel.fieldConfig?.overrides ?? []).forEach((o) => o.properties.filter((p) => p.id === 'links').forEach((p) => collect(p.value)));
  }
  return urls;
}

describe('the bundle', () => {
  test('uids are stable and unique', () => {
    expect(Object.fromEntries(built.map(({ name, dashboard }) => [name, dashboard.uid]))).toEqual(
      expect.objectContaining({
        'workflows-overview': 'argoperf-overview',
        'workflow-detail': 'argoperf-workflow',
        'step-performance': 'argoperf-steps',
        'cron-schedules': 'argoperf-crons',
        'resource-efficiency': 'argoperf-resources',
        'workflow-metrics': 'argoperf-metrics',
        'large-run-progress': 'argoperf-large-run',
      })
    );
    const uids = built.map(({ dashboard }) => dashboard.uid);
    expect(new Set(uids).size).toBe(uids.length);
    const names = built.map(({ name }) => name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('plugin.json includes exactly the bundled dashboards, each with its title, and no other', () => {
    const included = appPluginJson.includes.filter((include) => include.type === 'dashboard');
    expect(included).toEqual(built.map(({ name, dashboard }) => ({ type: 'dashboard', name: dashboard.title, path: dashboardPath(name) })));
  });

  test('no stray dashboard files', () => {
    const files = fs.readdirSync(path.join(root, 'dashboards')).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual(built.map(({ name }) => `${name}.json`).sort());
  });
});
