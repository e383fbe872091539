import fs from 'fs';
import path from 'path';

import yaml from 'js-yaml';
import { SceneGridItem, VizPanel, type SceneObject } from '@grafana/scenes';

import { cronSchedules } from '../../dashboards/cronSchedules';
import { workflowsOverview } from '../../dashboards/workflowsOverview';
import { OUR_ALERT_RULES } from './alertRulesCheck';
import { homeScene } from './homeScene';
import { NOW_PANEL_TITLES } from './nowPanels';

const rulesFile = path.join(__dirname, '..', '..', '..', 'provisioning', 'alerting', 'argo-workflows-performance.yaml');

test('the alert rules Home looks for are those the provisioning file holds', () => {
  const file = yaml.load(fs.readFileSync(rulesFile, 'utf8')) as { groups: Array<{ rules: Array<{ uid: string; title: string }> }> };
  expect(OUR_ALERT_RULES).toEqual(file.groups.flatMap((group) => group.rules.map(({ uid, title }) => ({ uid, title }))));
});

test('Home shows the "right now" panels with their dashboards’ own queries, and the variables they read', () => {
  const vizPanels: VizPanel[] = [];
  const walk = (object: SceneObject) => {
    if (object instanceof SceneGridItem && object.state.body instanceof VizPanel) {
      vizPanels.push(object.state.body);
    }
    object.forEachChild(walk);
  };
  const scene = homeScene();
  walk(scene);
  expect(vizPanels.map((p) => p.state.title)).toEqual([...NOW_PANEL_TITLES.overview, ...NOW_PANEL_TITLES.crons]);
  const sources = [...(workflowsOverview().panels ?? []), ...(cronSchedules().panels ?? [])];
  for (const viz of vizPanels) {
    const source = sources.find((p) => p.title === viz.state.title) as { targets?: unknown[] };
    const runner = viz.state.$data as unknown as { state: { queries: unknown[] } };
    expect(runner.state.queries).toEqual(source.targets);
  }
});

test('Home has each variable its panels read once: datasource, namespace, workflow, cron', () => {
  const names = homeScene().state.$variables?.state.variables.map((v) => v.state.name);
  expect(names).toEqual(['datasource', 'namespace', 'workflow', 'cron']);
});
