import type { DataTransformerConfig, FieldConfigSource } from '@grafana/data';
import type { DataQuery, Panel, RowPanel } from '@grafana/schema';
import { SceneDataTransformer, SceneGridItem, SceneGridLayout, SceneGridRow, SceneQueryRunner, VizPanel, type SceneDataProvider, type SceneGridItemLike } from '@grafana/scenes';

import { toAppPages } from './pageLinks';

/**
 * Turns a bundled dashboard's panels (the JSON the kit in src/dashboards builds, the same that is written
 * to dashboards/*.json) into scene objects, so the app's pages show those panels without defining them
 * again: type, title, description, targets, options, field config, transformations and grid position
 * carry over as they are; drill-down links to a dashboard that has an app page open that page instead.
 */
export function vizPanelOf(panel: Panel): VizPanel {
  return new VizPanel({
    key: `panel-${panel.id}`,
    pluginId: panel.type,
    title: panel.title ?? '',
    description: panel.description,
    options: panel.options ?? {},
    // The dashboard schema's and @grafana/data's field config types differ only in how they spell mappings.
    fieldConfig: toAppPages(panel.fieldConfig ?? { defaults: {}, overrides: [] }) as unknown as FieldConfigSource,
    $data: panel.targets?.length ? dataOf(panel) : undefined,
  });
}

function dataOf(panel: Panel): SceneDataProvider {
  const runner = new SceneQueryRunner({
    datasource: panel.datasource,
    queries: (panel.targets ?? []) as unknown as DataQuery[],
    ...(panel.maxDataPoints ? { maxDataPoints: panel.maxDataPoints } : {}),
    ...(panel.interval ? { minInterval: panel.interval } : {}),
  });
  return panel.transformations?.length ? new SceneDataTransformer({ $data: runner, transformations: panel.transformations as DataTransformerConfig[] }) : runner;
}

function gridItemOf(panel: Panel): SceneGridItem {
  const { x = 0, y = 0, w = 12, h = 8 } = panel.gridPos ?? {};
  return new SceneGridItem({ key: `grid-${panel.id}`, x, y, width: w, height: h, isDraggable: false, isResizable: false, body: vizPanelOf(panel) });
}

const isRow = (panel: Panel | RowPanel): panel is RowPanel => panel.type === 'row';

/**
 * A dashboard's panel list as a grid: loose panels as grid items, each row with its panels (an open row's
 * panels follow it in the list; a collapsed row holds them), as Grafana's dashboard grid reads them.
 */
export function gridOf(panels: Array<Panel | RowPanel>): SceneGridLayout {
  const children: SceneGridItemLike[] = [];
  let openRow: { row: RowPanel; items: SceneGridItem[] } | undefined;
  const closeRow = () => {
    if (openRow) {
      children.push(rowOf(openRow.row, openRow.items));
      openRow = undefined;
    }
  };
  for (const panel of panels) {
    if (isRow(panel)) {
      closeRow();
      if (panel.collapsed) {
        children.push(rowOf(panel, (panel.panels ?? []).map((inner) => gridItemOf(inner as Panel))));
      } else {
        openRow = { row: panel, items: [] };
      }
    } else if (openRow) {
      openRow.items.push(gridItemOf(panel));
    } else {
      children.push(gridItemOf(panel));
    }
  }
  closeRow();
  return new SceneGridLayout({ isDraggable: false, isResizable: false, children });
}

function rowOf(row: RowPanel, items: SceneGridItem[]): SceneGridRow {
  return new SceneGridRow({ key: `row-${row.id}`, title: row.title ?? '', y: row.gridPos?.y ?? 0, x: 0, width: 24, height: 1, isCollapsible: true, isCollapsed: row.collapsed, children: items });
}
