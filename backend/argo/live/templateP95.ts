import type { Notice } from '../../frames/frame';
import { namedRows } from '../../frames/rowLimits';
import type { DatasourceInstance } from '../../settings/instances';
import type { WorkflowDocument } from '../extract/documents';
import { argoRuns } from '../history/argoRuns';
import { durationPercentileByGroup } from '../history/percentiles';

/**
 * The usual duration of each workflow template: the p95 of its finished runs (any phase: a run that
 * failed after hours counts as much as a success) that started in [now − baselineDays, now), per
 * namespace + workflow.template. Fewer than MIN_BASELINE_RUNS runs give no p95: with four runs a
 * p95 is the longest run plus noise, and an alert on it would fire at random.
 */
export const MIN_BASELINE_RUNS = 5;

export interface TemplateBaseline {
  /** p95 in seconds; null with fewer than MIN_BASELINE_RUNS finished runs. */
  p95Seconds: number | null;
  runs: number;
}

export interface TemplateBaselines {
  byTemplate: Map<string, TemplateBaseline>;
  /** Runs the Argo Server listed over the baseline window. */
  listed: number;
  notices: Notice[];
}

/** The group a run belongs to: its namespace and workflow template. */
export function templateKey(doc: Pick<WorkflowDocument, 'namespace' | 'workflow'>): string {
  return `${doc.namespace ?? ''}/${doc.workflow?.template ?? ''}`;
}

export interface BaselineRequest {
  namespaces: string[];
  fromMs: number;
  toMs: number;
  /** The groups asked for (the running workflows'); others are not computed. */
  templates: Set<string>;
  signal: AbortSignal;
}

export async function templateBaselines(
  instance: DatasourceInstance,
  request: BaselineRequest
): Promise<TemplateBaselines> {
  const runs = await argoRuns(instance, {
    namespaces: request.namespaces,
    fromMs: request.fromMs,
    toMs: request.toMs,
    withNodes: false,
    signal: request.signal,
    use: 'p95',
  });
  const inRequest = (doc: WorkflowDocument) => {
    const key = templateKey(doc);
    return request.templates.has(key) ? key : undefined;
  };
  const groups = durationPercentileByGroup(runs.workflows, inRequest, request, 95);
  const byTemplate = new Map<string, TemplateBaseline>();
  for (const key of request.templates) {
    const group = groups.get(key);
    const count = group?.runs ?? 0;
    const p95 = group && count >= MIN_BASELINE_RUNS ? group.ms : null;
    byTemplate.set(key, { p95Seconds: p95 === null ? null : p95 / 1000, runs: count });
  }
  return { byTemplate, listed: runs.objects.length, notices: runs.notices };
}

/** Names the running workflows' templates that have no p95, with their run counts. */
export function fewRunsNotice(baselines: TemplateBaselines, baselineDays: number): Notice[] {
  const few = [...baselines.byTemplate].filter(([, baseline]) => baseline.p95Seconds === null);
  if (few.length === 0) {
    return [];
  }
  const named = namedRows(few.map(([key, { runs }]) => `${key} (${runs} run${runs === 1 ? '' : 's'})`));
  const subject = few.length === 1 ? '1 workflow template has' : `${few.length} workflow templates have`;
  return [
    {
      severity: 'info',
      text: `No p95 to compare with: ${subject} fewer than ${MIN_BASELINE_RUNS} finished runs in the last ${baselineDays} days: ${named}.`,
    },
  ];
}
