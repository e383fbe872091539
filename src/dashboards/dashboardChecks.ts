import type { Dashboard, GridPos, Panel, RowPanel } from '@grafana/schema';

import { GRID_COLUMNS } from './kit/layout';

/**
 * What Grafana 12 needs of a dashboard beyond its types: the fields it reads on load, unique panel
 * ids, panels inside the 24-column grid that do not overlap. Returns the problems, each naming the panel.
 */
export function dashboardProblems(dashboard: Dashboard): string[] {
  const problems: string[] = [];
  for (const key of ['uid', 'title', 'schemaVersion', 'panels', 'templating', 'time'] as const) {
    if (dashboard[key] === undefined || dashboard[key] === '') {
      problems.push(`${key} is missing`);
    }
  }
  const top = dashboard.panels ?? [];
  const nested = top.filter((panel): panel is RowPanel => panel.type === 'row').flatMap((row) => row.panels ?? []);
  const all: Array<Panel | RowPanel> = [...top, ...nested];
  const ids = all.map((panel) => panel.id);
  ids.forEach((id, index) => {
    if (typeof id !== 'number' || ids.indexOf(id) !== index) {
      problems.push(`panel "${all[index].title}": id ${id} is missing or used twice`);
    }
  });
  for (const panel of all) {
    problems.push(...gridProblems(panel));
    if (panel.type !== 'row' && !panel.type) {
      problems.push(`panel "${panel.title}": type is missing`);
    }
  }
  problems.push(...overlaps(top), ...top.filter((p): p is RowPanel => p.type === 'row').flatMap((row) => overlaps(row.panels ?? [])));
  return problems;
}

function gridProblems(panel: Panel | RowPanel): string[] {
  const pos = panel.gridPos;
  if (!pos) {
    return [`panel "${panel.title}": gridPos is missing`];
  }
  const whole = [pos.x, pos.y, pos.w, pos.h].every((n) => Number.isInteger(n));
  return whole && pos.x >= 0 && pos.y >= 0 && pos.w >= 1 && pos.h >= 1 && pos.x + pos.w <= GRID_COLUMNS
    ? []
    : [`panel "${panel.title}": gridPos ${JSON.stringify(pos)} is not inside the ${GRID_COLUMNS}-column grid`];
}

const intersect = (a: GridPos, b: GridPos) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function overlaps(panels: Array<Panel | RowPanel>): string[] {
  const problems: string[] = [];
  panels.forEach((a, i) =>
    panels.slice(i + 1).forEach((b) => {
      if (a.gridPos && b.gridPos && intersect(a.gridPos, b.gridPos)) {
        problems.push(`panels "${a.title}" and "${b.title}" overlap`);
      }
    })
  );
  return problems;
}
