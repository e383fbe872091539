import fs from 'fs';
import path from 'path';

import type { Dashboard, Panel, RowPanel } from '@grafana/schema';
import { SceneDataTransformer, SceneGridItem, SceneGridRow, SceneQueryRunner, type SceneObject, type VizPanel } from '@grafana/scenes';

import { DATASOURCE_TYPE } from '../../constants';
import { installFakeDatasources } from '../../testing/fakeDatasourceSrv';
import { gridOf } from './panelAdapter';
import { variableSetOf } from './variablesAdapter';

/** The committed dashboard JSON (what Grafana imports), read from disk: the expectation, not the kit's output. */
const folder = path.join(__dirname, '..', '..', '..', 'dashboards');
const bundled = fs.readdirSync(folder).filter((file) => file.endsWith('.json'));
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Dashboard;

/** Where each dashboard's drill-downs land on the app: its app page, written out here by hand. */
const PAGE_PATHS: Record<string, string> = {
  '/d/argoperf-workflow/argo-workflow-detail?': '/a/argoperf-workflows-app/workflow?',
  '/d/argoperf-large-run/argo-large-run-progress?': '/a/argoperf-workflows-app/run?',
  '/d/argoperf-crons/argo-cron-schedules?': '/a/argoperf-workflows-app/cron?',
};
const onPages = (config: unknown) => {
  let text = JSON.stringify(config);
  for (const [from, to] of Object.entries(PAGE_PATHS)) {
    text = text.split(`"${from}`).join(`"${to}`);
  }
  return JSON.parse(text);
};

function panelsIn(dashboard: Dashboard): Panel[] {
  return (dashboard.panels ?? []).flatMap((p: Panel | RowPanel) => (p.type === 'row' ? ((p as RowPanel).panels as Panel[]) : [p as Panel]));
}

function collect(root: SceneObject) {
  const items: SceneGridItem[] = [];
  const rows: SceneGridRow[] = [];
  const walk = (object: SceneObject) => {
    if (object instanceof SceneGridItem) {
      items.push(object);
    }
    if (object instanceof SceneGridRow) {
      rows.push(object);
    }
    object.forEachChild(walk);
  };
  walk(root);
  return { items, rows };
}

describe.each(bundled)('the app pages show %s as the dashboard does', (file) => {
  const dashboard = read(file);
  const grid = gridOf(dashboard.panels ?? []);
  const { items, rows } = collect(grid);

  test('one scene panel per panel, same type, title, description, options, field config and place', () => {
    const panels = panelsIn(dashboard);
    expect(items).toHaveLength(panels.length);
    for (const panel of panels) {
      const item = items.find((candidate) => (candidate.state.body as VizPanel).state.key === `panel-${panel.id}`);
      expect(item).toBeDefined();
      expect({ x: item!.state.x, y: item!.state.y, w: item!.state.width, h: item!.state.height }).toEqual(panel.gridPos);
      const viz = item!.state.body as VizPanel;
      expect(viz.state.pluginId).toBe(panel.type);
      expect(viz.state.title).toBe(panel.title);
      expect(viz.state.description).toBe(panel.description);
      expect(viz.state.options).toEqual(panel.options);
      expect(viz.state.fieldConfig).toEqual(onPages(panel.fieldConfig ?? { defaults: {}, overrides: [] }));
    }
  });

  test('the same queries, datasource, interval and transformations', () => {
    for (const panel of panelsIn(dashboard).filter((p) => p.targets?.length)) {
      const viz = items.map((item) => item.state.body as VizPanel).find((candidate) => candidate.state.key === `panel-${panel.id}`)!;
      const data = viz.state.$data;
      const runner = (data instanceof SceneDataTransformer ? data.state.$data : data) as SceneQueryRunner;
      expect(runner).toBeInstanceOf(SceneQueryRunner);
      expect(runner.state.queries).toEqual(panel.targets);
      expect(runner.state.datasource).toEqual(panel.datasource);
      expect(runner.state.minInterval).toBe(panel.interval);
      expect(runner.state.maxDataPoints).toBe(panel.maxDataPoints);
      expect(data instanceof SceneDataTransformer ? data.state.transformations : undefined).toEqual(panel.transformations);
    }
  });

  test('rows keep their title and whether they are collapsed', () => {
    const expected = (dashboard.panels ?? []).filter((p) => p.type === 'row').map((row) => [row.title, Boolean((row as RowPanel).collapsed)]);
    expect(rows.map((row) => [row.state.title, Boolean(row.state.isCollapsed)])).toEqual(expected);
  });

  test('the same variables: name, type, query, multi-value and All', () => {
    const list = dashboard.templating?.list ?? [];
    const set = variableSetOf(list);
    expect(set.state.variables.map((v) => [v.state.name, v.state.type, v.state.label])).toEqual(list.map((v) => [v.name, v.type, v.label]));
    for (const variable of list.filter((v) => v.type === 'query' || v.type === 'custom')) {
      const scene = set.getByName(variable.name)!.state as unknown as Record<string, unknown>;
      expect([scene.query, scene.isMulti, scene.includeAll]).toEqual([variable.query, Boolean(variable.multi), Boolean(variable.includeAll)]);
      if (variable.type === 'query') {
        expect([scene.datasource, scene.refresh, scene.sort]).toEqual([variable.datasource, variable.refresh, variable.sort]);
      }
    }
  });
});

test('every bundled dashboard is covered', () => {
  expect(bundled.length).toBeGreaterThanOrEqual(7);
});

test('the datasource variable starts at Grafana’s default datasource when it is one of ours, as on a dashboard', () => {
  const list = read('workflow-detail.json').templating?.list ?? [];
  installFakeDatasources([
    { uid: 'a-first', name: 'A first', type: DATASOURCE_TYPE },
    { uid: 'the-default', name: 'Z default', type: DATASOURCE_TYPE, isDefault: true },
  ]);
  expect(variableSetOf(list).getByName('datasource')?.getValue()).toBe('the-default');
  installFakeDatasources([{ uid: 'a-first', name: 'A first', type: DATASOURCE_TYPE }, { uid: 'prom', name: 'Prom', type: 'prometheus', isDefault: true }]);
  // Not ours: left to the variable (the first of ours once its options load).
  expect(variableSetOf(list).getByName('datasource')?.getValue()).toBe('');
});
