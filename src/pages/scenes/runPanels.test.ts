import type { Dashboard, Panel } from '@grafana/schema';

import { largeRunProgress } from '../../dashboards/largeRunProgress';
import { workflowDetail } from '../../dashboards/workflowDetail';
import { runPagePanels, runPageVariables, TIMELINE_PANEL_ID } from './runPanels';

const titles = (panels: Array<{ title?: string }>) => panels.map((p) => p.title);

/** A Workflow detail dashboard that shows a run's timeline (as the panel plugin's branch adds it). */
function detailWithTimeline(): Dashboard {
  const detail = workflowDetail();
  const timeline: Panel = {
    id: 99,
    type: TIMELINE_PANEL_ID,
    title: 'Run timeline',
    gridPos: { x: 0, y: 40, w: 24, h: 14 },
    targets: [{ refId: 'A', queryType: 'timeline', run: '$run', filters: { namespaces: ['$namespace'] } } as never],
  };
  return {
    ...detail,
    panels: [...(detail.panels ?? []), timeline],
    templating: { list: [...(detail.templating?.list ?? []), { name: 'run', type: 'query', query: 'runs?namespace=$namespace' }] },
  };
}

describe('the Run page', () => {
  test('shows the timeline panel of the Workflow detail dashboard on top, full width, then the run progress panels', () => {
    const progress = largeRunProgress();
    const panels = runPagePanels(progress, detailWithTimeline()) as Panel[];
    expect(titles(panels)).toEqual(['Run timeline', ...titles(progress.panels ?? [])]);
    expect(panels[0].gridPos).toEqual({ x: 0, y: 0, w: 24, h: 14 });
    // The progress panels keep their sizes and order below it.
    expect(panels.slice(1).map((p) => [p.gridPos?.w, p.gridPos?.h])).toEqual((progress.panels ?? []).map((p) => [p.gridPos?.w, p.gridPos?.h]));
    expect(Math.min(...panels.slice(1).map((p) => p.gridPos!.y))).toBe(14);
  });

  test('the timeline panel is taken as defined, targets and all', () => {
    const detail = detailWithTimeline();
    const [timeline] = runPagePanels(largeRunProgress(), detail) as Panel[];
    expect(timeline.targets).toEqual(((detail.panels ?? []).find((p) => p.type === TIMELINE_PANEL_ID) as Panel).targets);
  });

  test('without a timeline panel in the Workflow detail dashboard the page shows the progress panels', () => {
    const progress = largeRunProgress();
    expect(titles(runPagePanels(progress, workflowDetail()))).toEqual(titles(progress.panels ?? []));
  });

  test('variables: the progress dashboard’s, and no second run variable', () => {
    const progress = largeRunProgress();
    const names = runPageVariables(progress, detailWithTimeline()).map((v) => v.name);
    expect(names).toEqual((progress.templating?.list ?? []).map((v) => v.name));
    expect(names.filter((name) => name === 'run')).toHaveLength(1);
  });
});
