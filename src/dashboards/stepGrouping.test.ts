import { DASHBOARDS } from './index';
import { panelsOf } from './panelTargets';

/**
 * A panel about steps groups by `step` (every loop item and retry of a step together), never by `task`
 * (one group per loop item: a 9,000-item fan-out would make 9,000 "steps"). Tables keep the task column.
 */
describe('bundled dashboards group steps by step', () => {
  const targets = DASHBOARDS.flatMap((entry) =>
    panelsOf(entry.build()).flatMap((panel) => (panel.targets ?? []).map((target) => ({ dashboard: entry.name, panel: panel.title, target: target as { groupBy?: string[] } })))
  );

  test('no panel groups by task', () => {
    const byTask = targets.filter(({ target }) => target.groupBy?.includes('task')).map(({ dashboard, panel }) => `${dashboard}: ${panel}`);
    expect(byTask).toEqual([]);
  });

  test('the step panels the issue names group by step', () => {
    const byStep = new Set(targets.filter(({ target }) => target.groupBy?.includes('step')).map(({ panel }) => panel));
    for (const title of ['Step duration trends (p95)', 'Failures by step and message', 'GPU time per step']) {
      expect(byStep).toContain(title);
    }
    expect([...byStep].some((title) => /^Steps slower than their baseline/.test(title!))).toBe(true);
  });
});
