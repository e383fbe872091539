import { toWorkflow } from './drillDowns';
import { byName, q, table, transform, UNITS, type Sized } from './kit';

/**
 * Runs per workflow by outcome, and the failure rate over the whole range: the outcome counts per
 * bucket are summed per series, turned into one row per workflow with a column per outcome, and the
 * rate is (failed + error) ÷ (succeeded + failed + error), computed in Grafana from those sums.
 */
export function runsPerWorkflow(filters: { namespaces: string[]; workflows: string[] }): Sized {
  return table({
    title: 'Runs and success rate per workflow',
    description:
      'Finished runs of each workflow in the time range by outcome, and the share that succeeded. Click a workflow for its detail.',
    targets: [q.outcomes({ groupBy: ['namespace', 'workflow'], measures: ['succeeded', 'failed', 'error'], limit: 100, filters })],
    transformations: [
      transform.seriesToRows(['sum']),
      { id: 'groupingToMatrix', options: { columnField: 'outcome', rowField: 'workflow', valueField: 'Total', emptyValue: 'zero' } },
      { id: 'calculateField', options: { mode: 'binary', binary: { left: 'failed', operator: '+', right: 'error' }, alias: 'failures', replaceFields: false } },
      { id: 'calculateField', options: { mode: 'binary', binary: { left: 'succeeded', operator: '+', right: 'failures' }, alias: 'runs' } },
      { id: 'calculateField', options: { mode: 'binary', binary: { left: 'succeeded', operator: '/', right: 'runs' }, alias: 'success rate' } },
      transform.organize({ exclude: ['failures'], rename: { 'workflow\\outcome': 'workflow' }, order: ['workflow\\outcome', 'runs', 'success rate', 'succeeded', 'failed', 'error'] }),
      transform.sortBy('runs', true),
    ],
    unit: UNITS.count,
    overrides: [
      byName('success rate', { unit: UNITS.ratio, decimals: 1, thresholdBase: 'red', thresholds: [{ value: 0.9, color: 'green' }], cell: { type: 'color-text' } }),
      byName('workflow', { links: [toWorkflow.keepingNamespace()] }),
    ],
    w: 24,
    h: 9,
  });
}
