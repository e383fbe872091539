import { parseQuery } from '../../query/parseQuery';
import { dashboardProblems } from '../dashboardChecks';
import { dashboard, drillDown, field, gibAsMib, layout, linkedUid, q, slugOf, table, text, timeseries, UNITS } from './index';

const panelOf = (title: string, w: number, h = 4) => ({ ...text({ title, content: title }), w, h });

describe('typed targets', () => {
  test('a target carries the query type, our datasource variable and the schema version, and parses', () => {
    const draft = q.durations({ groupBy: ['workflow'], stats: ['p95'], level: 'workflow' });
    expect(draft).toEqual({
      queryType: 'durations',
      datasource: { type: 'argoperf-workflows-datasource', uid: '${datasource}' },
      schemaVersion: 1,
      groupBy: ['workflow'],
      stats: ['p95'],
      level: 'workflow',
    });
    expect(parseQuery({ ...draft, refId: 'A' })).toHaveProperty('query');
  });

  test('a field another query type has, or a wrong value, fails the typecheck', () => {
    // @ts-expect-error durations has no view
    q.durations({ view: 'reasons' });
    // @ts-expect-error not a level
    q.runs({ level: 'pod' });
    // @ts-expect-error metrics needs its metric
    q.metrics({ aggregation: 'sum' });
    // @ts-expect-error not a filter of the model
    q.outcomes({ filters: { run: ['x'] } });
    expect(true).toBe(true);
  });

  test('panels number their targets A, B, ...', () => {
    const { panel } = timeseries({ title: 't', description: 'two queries', targets: [q.heatmap({}), q.heatmap({ level: 'node' })] });
    expect(panel.targets?.map((t) => t.refId)).toEqual(['A', 'B']);
  });
});

describe('layout', () => {
  test('panels flow left to right and wrap at 24 columns, the next line below the tallest', () => {
    const panels = layout([panelOf('a', 12, 5), panelOf('b', 12, 3), panelOf('c', 8), panelOf('d', 24)]);
    expect(panels.map((p) => [p.title, p.gridPos])).toEqual([
      ['a', { x: 0, y: 0, w: 12, h: 5 }],
      ['b', { x: 12, y: 0, w: 12, h: 3 }],
      ['c', { x: 0, y: 5, w: 8, h: 4 }],
      ['d', { x: 0, y: 9, w: 24, h: 4 }],
    ]);
    expect(panels.map((p) => p.id)).toEqual([1, 2, 3, 4]);
  });

  test('an open row is followed by its panels; a collapsed one holds them and takes one line', () => {
    const panels = layout([
      panelOf('top', 24, 2),
      { row: 'open', items: [panelOf('in open', 24, 3)] },
      { row: 'closed', collapsed: true, items: [panelOf('in closed', 12, 3)] },
      { row: 'last', items: [] },
    ]);
    expect(panels.map((p) => [p.title, p.type, p.gridPos?.y])).toEqual([
      ['top', 'text', 0],
      ['open', 'row', 2],
      ['in open', 'text', 3],
      ['closed', 'row', 6],
      ['last', 'row', 7],
    ]);
    const closed = panels[3] as { panels: Array<{ title: string; gridPos: unknown; id: number }> };
    expect(closed.panels.map((p) => [p.title, p.gridPos, p.id])).toEqual([['in closed', { x: 0, y: 7, w: 12, h: 3 }, 5]]);
  });

  test('a width outside the grid is refused, naming the panel', () => {
    expect(() => layout([panelOf('wide', 25)])).toThrow('panel "wide": width 25 is outside 1–24');
  });
});

describe('dashboard checks', () => {
  const base = () =>
    dashboard({ uid: 'u', title: 'T', description: 'd', from: 'now-7d', variables: [], items: [panelOf('a', 12), panelOf('b', 12)] });

  test('a dashboard from the kit has no problems', () => {
    expect(dashboardProblems(base())).toEqual([]);
  });

  test('overlapping panels, a duplicate id and a panel past column 24 are named', () => {
    const broken = base();
    const [a, b] = broken.panels ?? [];
    b.gridPos = { x: 6, y: 0, w: 20, h: 4 };
    b.id = a.id;
    expect(dashboardProblems(broken)).toEqual([
      'panel "b": id 1 is missing or used twice',
      'panel "b": gridPos {"x":6,"y":0,"w":20,"h":4} is not inside the 24-column grid',
      'panels "a" and "b" overlap',
    ]);
  });

  test('a missing uid is named', () => {
    expect(dashboardProblems({ ...base(), uid: undefined })).toEqual(['uid is missing']);
  });
});

describe('links', () => {
  test('a drill-down keeps the datasource and the time range and sets variables from the row', () => {
    const link = drillDown({ to: { uid: 'argoperf-workflow', title: 'Argo workflow detail' }, title: 'Open', vars: { namespace: field('namespace') } });
    expect(link.url).toBe('/d/argoperf-workflow/argo-workflow-detail?var-namespace=${__data.fields.namespace}&${datasource:queryparam}&${__url_time_range}');
    expect(linkedUid(link.url)).toBe('argoperf-workflow');
  });

  test('a drill-down can set the time range from the row', () => {
    const link = drillDown({ to: { uid: 'x', title: 'X' }, title: 'Run', vars: {}, time: { from: field('start', 'numeric'), to: field('end', 'numeric') } });
    expect(link.url).toBe('/d/x/x?${datasource:queryparam}&from=${__data.fields.start.numeric}&to=${__data.fields.end.numeric}');
  });

  test('slugs are what Grafana makes of a title', () => {
    expect(slugOf('Argo Workflows overview')).toBe('argo-workflows-overview');
    expect(slugOf(' CPU & memory / step ')).toBe('cpu-memory-step');
  });
});

describe('units', () => {
  test('28 GiB in the MiB the backend answers, shown by Grafana as mebibytes', () => {
    expect(gibAsMib(28)).toBe(28 * 1024);
    expect(UNITS.mebibytes).toBe('mbytes');
  });

  test('a panel keeps the unit, thresholds and per-column settings it is given', () => {
    const { panel } = table({ title: 't', description: 'a table', targets: [q.runs({})], unit: UNITS.seconds, thresholds: [{ value: 8, color: 'red' }] });
    expect(panel.fieldConfig?.defaults).toMatchObject({ unit: 's', thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: 8 }] } });
  });
});
