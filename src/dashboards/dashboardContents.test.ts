import type { Panel, RowPanel } from '@grafana/schema';

import { cronSchedules } from './cronSchedules';
import { largeRunProgress } from './largeRunProgress';
import { panelsOf } from './panelTargets';
import { resourceEfficiency } from './resourceEfficiency';
import { workflowMetrics } from './workflowMetrics';

/** What issue 11 §2 asks of dashboards 4–7, checked on the built JSON. */
const targetsOf = (panel: Panel) => (panel.targets ?? []) as Array<Record<string, unknown>>;
const steps = (panel: Panel) => (panel.fieldConfig?.defaults.thresholds?.steps ?? []).map((s) => s.value);

describe('Resource efficiency', () => {
  const dashboard = resourceEfficiency();
  const panels = panelsOf(dashboard);

  test('draws the 8-core line on every average-cores panel and the 28 GiB line on every average-memory panel', () => {
    const cores = panels.filter((p) => targetsOf(p).some((t) => JSON.stringify(t.resources) === '["avg_cores"]'));
    const memory = panels.filter((p) => targetsOf(p).some((t) => JSON.stringify(t.resources) === '["avg_memory"]'));
    expect(cores.length).toBe(2);
    expect(memory.length).toBe(2);
    cores.forEach((p) => expect([p.title, steps(p)]).toEqual([p.title, [null, 8]]));
    // The backend answers MiB: 28 GiB = 28 × 1024 MiB.
    memory.forEach((p) => expect([p.title, steps(p)]).toEqual([p.title, [null, 28 * 1024]]));
  });

  test('says that Argo computes resourcesDuration from requests and limits', () => {
    const texts = panels.filter((p) => p.type === 'text').map((p) => String((p.options as { content?: string }).content));
    expect(texts.some((t) => /requests and limits/.test(t) && /not from measured use/.test(t))).toBe(true);
  });

  test('measured peaks are in a collapsed row of Prometheus panels that says why it may be empty', () => {
    const row = (dashboard.panels ?? []).find((p): p is RowPanel => p.type === 'row')!;
    expect(row.collapsed).toBe(true);
    expect(row.title).toMatch(/empty when no Prometheus/);
    const prometheus = (row.panels ?? []).filter((p) => p.datasource?.type === 'prometheus');
    const exprs = prometheus.flatMap((p) => targetsOf(p).map((t) => String(t.expr)));
    expect(exprs.some((e) => e.includes('container_memory_working_set_bytes'))).toBe(true);
    expect(exprs.some((e) => e.includes('container_cpu_usage_seconds_total'))).toBe(true);
    exprs.forEach((e) => expect(e).toContain('kube_pod_labels{namespace=~"$namespace", label_workflows_argoproj_io_workflow=~'));
    const memoryPanel = prometheus.find((p) => targetsOf(p)[0].expr!.toString().includes('memory'))!;
    expect(memoryPanel.fieldConfig?.defaults.unit).toBe('bytes');
    expect(steps(memoryPanel)).toEqual([null, 28 * 2 ** 30]);
    expect((row.panels ?? []).some((p) => p.type === 'text' && /stay empty/.test(String((p.options as { content?: string }).content)))).toBe(true);
  });
});

describe('Cron schedules', () => {
  test('has every cronDrift view: delay over time, missed, since success and the ticks table', () => {
    const views = panelsOf(cronSchedules()).flatMap((p) => targetsOf(p).map((t) => `${t.queryType}:${t.view}`));
    expect(views.sort()).toEqual(['cronDrift:delay', 'cronDrift:missed', 'cronDrift:runs', 'cronDrift:sinceSuccess']);
  });
});

describe('Workflow metrics', () => {
  test('a metric variable lists the catalog’s metrics and takes any other name', () => {
    const metric = workflowMetrics().templating?.list?.find((v) => v.name === 'metric');
    expect(metric).toMatchObject({ type: 'custom', query: 'images_processed,accuracy,records', allowCustomValue: true });
  });
});

describe('Large run progress', () => {
  const panels = panelsOf(largeRunProgress());

  // Grafana matches reduceOptions.fields against a field's display name (displayNameFromDS), not its name:
  // these are the names the summary frame carries (seen as "No data" in a real Grafana when the name was used).
  test('each figure of the summary is picked by its display name and shown in the unit the backend answers it in', () => {
    const units = Object.fromEntries(
      panels
        .filter((p) => p.type === 'stat')
        .map((p) => [String((p.options as { reduceOptions: { fields: string } }).reduceOptions.fields), p.fieldConfig?.defaults.unit])
    );
    expect(units).toEqual({
      '/^done$/': 'percentunit',
      '/^running now$/': 'short',
      '/^pending$/': 'short',
      '/^retries$/': 'short',
      '/^throughput$/': 'suffix: steps/min',
      '/^time left$/': 's',
    });
  });

  test('follows the run variable, one run at a time', () => {
    const runs = panels.flatMap((p) => targetsOf(p).map((t) => t.run));
    expect(new Set(runs)).toEqual(new Set(['$run']));
    const variable = largeRunProgress().templating?.list?.find((v) => v.name === 'run');
    expect(variable).toMatchObject({ query: 'runs?namespace=$namespace&workflow=$workflow&level=node', multi: false });
  });
});
