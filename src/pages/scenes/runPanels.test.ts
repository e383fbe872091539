import type { Dashboard, Panel } from '@grafana/schema';

import { largeRunProgress } from '../../dashboards/largeRunProgress';
import { workflowDetail } from '../../dashboards/workflowDetail';
import { runPagePanels, runPageVariables, TIMELINE_PANEL_ID } from './runPanels';

const titles = (panels: Array<{ title?: string }>) => panels.map((p) => p.title);

/** The Workflow detail dashboard's own timeline panel (the Run page must take it as it is). */
function timelineOf(detail: Dashboard): Panel {
  const found = (detail.panels ?? []).find((p) => p.type === TIMELINE_PANEL_ID) as Panel | undefined;
  expect(found).toBeDefined();
  return found!;
}

/** The Workflow detail dashboard without its timeline panel. */
function detailWithoutTimeline(): Dashboard {
  const detail = workflowDetail();
  return { ...detail, panels: (detail.panels ?? []).filter((p) => p.type !== TIMELINE_PANEL_ID) };
}

describe('the Run page', () => {
  test('shows the timeline panel of the Workflow detail dashboard on top, full width, then the run progress panels', () => {
    const progress = largeRunProgress();
    const detail = workflowDetail();
    const height = timelineOf(detail).gridPos!.h;
    const panels = runPagePanels(progress, detail) as Panel[];
    expect(titles(panels)).toEqual([timelineOf(detail).title, ...titles(progress.panels ?? [])]);
    expect(panels[0].gridPos).toEqual({ x: 0, y: 0, w: 24, h: height });
    // The progress panels keep their sizes and order below it.
    expect(panels.slice(1).map((p) => [p.gridPos?.w, p.gridPos?.h])).toEqual((progress.panels ?? []).map((p) => [p.gridPos?.w, p.gridPos?.h]));
    expect(Math.min(...panels.slice(1).map((p) => p.gridPos!.y))).toBe(height);
  });

  test('the timeline panel is taken as defined, targets and all', () => {
    const detail = workflowDetail();
    const [timeline] = runPagePanels(largeRunProgress(), detail) as Panel[];
    expect(timeline.targets).toEqual(timelineOf(detail).targets);
  });

  test('without a timeline panel in the Workflow detail dashboard the page shows the progress panels', () => {
    const progress = largeRunProgress();
    expect(titles(runPagePanels(progress, detailWithoutTimeline()))).toEqual(titles(progress.panels ?? []));
  });

  test('variables: the progress dashboard’s, and no second run variable', () => {
    const progress = largeRunProgress();
    const names = runPageVariables(progress, workflowDetail()).map((v) => v.name);
    expect(names).toEqual((progress.templating?.list ?? []).map((v) => v.name));
    expect(names.filter((name) => name === 'run')).toHaveLength(1);
  });
});
