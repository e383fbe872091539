import type { Panel, RowPanel } from '@grafana/schema';

/** Grafana's dashboard grid is 24 columns wide. */
export const GRID_COLUMNS = 24;

/** A panel and the size it takes on the grid. */
export interface Sized {
  panel: Panel;
  w: number;
  h: number;
}

export interface Row {
  row: string;
  collapsed?: boolean;
  items: Sized[];
}

export type LayoutItem = Sized | Row;

const isRow = (item: LayoutItem): item is Row => 'row' in item;

/** Places sized panels left to right, wrapping at 24 columns; returns the panels and the next free y. */
function flow(items: Sized[], startY: number, nextId: () => number): { panels: Panel[]; y: number } {
  let x = 0;
  let y = startY;
  let lineHeight = 0;
  const panels = items.map(({ panel, w, h }) => {
    if (w < 1 || w > GRID_COLUMNS) {
      throw new Error(`panel "${panel.title}": width ${w} is outside 1–${GRID_COLUMNS}`);
    }
    if (x + w > GRID_COLUMNS) {
      x = 0;
      y += lineHeight;
      lineHeight = 0;
    }
    const placed = { ...panel, id: nextId(), gridPos: { x, y, w, h } };
    x += w;
    lineHeight = Math.max(lineHeight, h);
    return placed;
  });
  return { panels, y: y + lineHeight };
}

/**
 * Lays out a dashboard: loose panels first, then rows. An open row's panels follow it on the grid; a
 * collapsed row holds its panels (Grafana places them under the row when it is opened). Ids run 1, 2, ...
 */
export function layout(items: LayoutItem[]): Array<Panel | RowPanel> {
  let id = 0;
  const nextId = () => ++id;
  const result: Array<Panel | RowPanel> = [];
  let y = 0;
  let loose: Sized[] = [];
  const flushLoose = () => {
    const placed = flow(loose, y, nextId);
    result.push(...placed.panels);
    y = placed.y;
    loose = [];
  };
  for (const item of items) {
    if (!isRow(item)) {
      loose.push(item);
      continue;
    }
    flushLoose();
    const row: RowPanel = { type: 'row', id: nextId(), title: item.row, collapsed: Boolean(item.collapsed), gridPos: { x: 0, y, w: GRID_COLUMNS, h: 1 }, panels: [] };
    const placed = flow(item.items, y + 1, nextId);
    if (item.collapsed) {
      result.push({ ...row, panels: placed.panels });
      y += 1;
    } else {
      result.push(row, ...placed.panels);
      y = placed.y;
    }
  }
  flushLoose();
  return result;
}
