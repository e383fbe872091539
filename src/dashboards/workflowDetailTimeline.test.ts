import type { Panel, VariableModel } from '@grafana/schema';

import runTimelinePlugin from '../panels/runTimeline/plugin.json';
import { DEFAULT_OPTIONS } from '../panels/runTimeline/options';
import { ADDRESSES } from './addresses';
import { DEMO_VARIABLES } from './demoValues';
import { linkedUid } from './kit';
import { panelsOf, resolvedTargets } from './panelTargets';
import { workflowDetail } from './workflowDetail';

const dashboard = workflowDetail();
const panels = panelsOf(dashboard);
const timeline = panels.find((panel) => panel.type === 'argoperf-runtimeline-panel') as Panel;
const linksOf = (panel: Panel, field: string) =>
  (panel.fieldConfig?.overrides ?? []).filter((o) => o.matcher.id === 'byName' && o.matcher.options === field).flatMap((o) => o.properties.filter((p) => p.id === 'links').flatMap((p) => p.value as Array<{ title: string; url: string }>));

describe('Workflow detail: the timeline of the chosen run', () => {
  test('a run timeline panel (the nested panel plugin) with its own options', () => {
    expect(runTimelinePlugin.id).toBe('argoperf-runtimeline-panel');
    expect(timeline.title).toBe('Timeline of run $run');
    expect(timeline.options).toEqual({ groupBy: 'stepName', sortBy: 'start', criticalOnly: false, collapseAbove: 100 });
    expect(Object.keys(timeline.options ?? {}).sort()).toEqual(Object.keys(DEFAULT_OPTIONS).sort());
  });

  test('its target is the contract\'s: queryType timeline, run $run, namespaces $namespace', () => {
    expect(timeline.targets).toEqual([expect.objectContaining({ refId: 'A', queryType: 'timeline', run: '$run', filters: { namespaces: ['$namespace'] } })]);
    const resolved = resolvedTargets(dashboard, DEMO_VARIABLES).find(({ panel }) => panel === timeline)!.query;
    expect(resolved).toMatchObject({ run: 'large-benchmark-rk672', filters: { namespaces: ['ml-training', 'data-pipelines'] } });
  });

  test('a single-valued run variable lists the runs of the chosen workflows', () => {
    const run = (dashboard.templating?.list as VariableModel[]).find((variable) => variable.name === 'run');
    expect(run).toMatchObject({ type: 'query', multi: false, includeAll: false, query: 'runs?namespace=$namespace&workflow=$workflow&level=node' });
  });

  test('it sits right below the Runs table, full width', () => {
    const runs = panels.find((panel) => panel.title === 'Runs')!;
    expect(timeline.gridPos).toEqual({ x: 0, y: runs.gridPos!.y + runs.gridPos!.h, w: 24, h: 14 });
  });

  test("the Runs table's start opens this dashboard with the row's run chosen, over the run's time range", () => {
    const runs = panels.find((panel) => panel.title === 'Runs')!;
    const [link] = linksOf(runs, 'start');
    expect(linkedUid(link.url)).toBe(ADDRESSES.workflow.uid);
    const params = new URLSearchParams(link.url.split('?')[1]);
    expect(params.get('var-run')).toBe('${__data.fields.workflow}');
    expect(params.get('var-namespace')).toBe('${__data.fields.namespace}');
    expect(params.get('from')).toBe('${__data.fields.start.numeric}');
    expect(params.get('to')).toBe('${__data.fields.end.numeric}');
  });
});
