import type { TimelineSource } from '../../src/query/timelineQuery';

/** What the timeline query says (notices and errors); tests import these. */
export const timelineText = {
  source: {
    'argo-live': (run: string) => `Run "${run}" as the Argo Server holds it now (live workflow).`,
    'argo-archived': (run: string) => `Run "${run}" from the Argo Server's workflow archive (the live workflow is gone).`,
    elasticsearch: (run: string) => `Run "${run}" from the history collected into Elasticsearch.`,
  } satisfies Record<TimelineSource, (run: string) => string>,
  noSteps: (run: string) => `Run "${run}" has no steps yet: nothing has started, or the collector has not written its steps.`,
  noGraph: (run: string) =>
    `Run "${run}" was collected before document model 3, so its documents lack the step graph: the timeline shows its steps without a critical path or slack. Use source argo while the Argo Server still holds the run, or re-collect its range (collect backfill --restart).`,
  capped: (read: number) =>
    `The run has more than ${read} step documents; the first ${read} by node id are shown, without a critical path (it needs every step).`,
  cut: (limit: number, total: number) =>
    `The run has ${total} step attempts; the first ${limit} by start are shown (the critical path and slack are computed over all of them).`,
  unknownRun: (what: string, where: string) =>
    `run: no run ${what} ${where}; check the run's name and namespace or its uid (the runs variable lists the runs of the time range)`,
  oneNamespace: 'filters.namespaces: a run is named by its name within one namespace; choose exactly one namespace, or give the run\'s uid',
  notOurDocuments:
    'source: the timeline reads the documents of our document model (field mapping preset argoperf without renames); use source argo for this datasource',
};
