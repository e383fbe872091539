import { ADDRESSES } from './addresses';
import { drillDown, field, label, type DataLink } from './kit';

/**
 * The drill-down path between the bundled dashboards: overview → workflow → run → step. Each link
 * reads its values from the clicked row (tables) or series (time series, bars).
 */
export const toWorkflow = {
  fromRow: (): DataLink =>
    drillDown({ to: ADDRESSES.workflow, title: 'Workflow detail: ${__data.fields.workflow}', vars: { namespace: field('namespace'), workflow: field('workflow') } }),
  /** Rows that name the workflow but not its namespace: the namespace variable is passed on. */
  keepingNamespace: (): DataLink =>
    drillDown({ to: ADDRESSES.workflow, title: 'Workflow detail: ${__data.fields.workflow}', vars: { workflow: field('workflow') }, keep: ['namespace'] }),
  /** Live rows name the run in `workflow` and its workflow (template) in `template`. */
  fromLiveRow: (): DataLink =>
    drillDown({ to: ADDRESSES.workflow, title: 'Workflow detail: ${__data.fields.template}', vars: { namespace: field('namespace'), workflow: field('template') } }),
  fromSeries: (): DataLink =>
    drillDown({ to: ADDRESSES.workflow, title: 'Workflow detail: ${__field.labels.workflow}', vars: { namespace: label('namespace'), workflow: label('workflow') } }),
};

/**
 * A run: the workflow's dashboard over the run's own time range with the run chosen, so its timeline
 * shows the run and its step panels that run's steps.
 */
export const toRun = (): DataLink =>
  drillDown({
    to: ADDRESSES.workflow,
    title: 'Timeline and steps of this run (its time range)',
    vars: { namespace: field('namespace'), run: field('workflow') },
    keep: ['workflow'],
    time: { from: field('start', 'numeric'), to: field('end', 'numeric') },
  });

/** A step: its performance across runs, in the workflows of this dashboard. */
export const toStep = {
  fromRow: (): DataLink =>
    drillDown({ to: ADDRESSES.steps, title: 'Step performance: ${__data.fields.task}', vars: { namespace: field('namespace'), task: field('task') }, keep: ['workflow'] }),
  fromSeries: (): DataLink =>
    drillDown({ to: ADDRESSES.steps, title: 'Step performance: ${__field.labels.step}', vars: { task: label('step') }, keep: ['namespace', 'workflow'] }),
};
