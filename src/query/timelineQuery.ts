import { z } from 'zod';

import { LIMITS, textSchema } from './inputLimits';
import { commonFields, filtersFor, type FilterKind } from './queryFields';

/**
 * timeline: one run's executed step attempts (start, end, phase, retry attempt, pod, host, resources)
 * with the run's critical path: the chain of attempts whose durations set the run's end, and each
 * attempt's slack (docs/timeline.md). The run is named by `run` within `filters.namespaces`, or by
 * `uid`. Source argo reads the run from the Argo Server (live, else archived), source elasticsearch the
 * collected history; both answer the same frame.
 */
export const TIMELINE_RUN_MISSING =
  'name the run (its name, as in the runs table, with its namespace) or give its uid; the runs variable lists them';

/** One run is shown whole: only its namespace picks it (with `run`). */
export const TIMELINE_FILTERS: readonly FilterKind[] = ['namespaces'];

export const timelineQuerySchema = z
  .object({
    ...commonFields,
    filters: filtersFor(TIMELINE_FILTERS, (kind) => `timeline shows one run whole, named by run and namespace or by uid; remove the ${kind} filter`),
    queryType: z.literal('timeline'),
    /** The run's name (Argo's metadata.name; workflow.name in the documents). */
    run: textSchema(LIMITS.name).optional(),
    /** The run's metadata.uid (workflow.uid in the documents); picks the run without a namespace. */
    uid: textSchema(LIMITS.name).optional(),
  })
  .superRefine((query, ctx) => {
    if (!query.run && !query.uid) {
      ctx.addIssue({ code: 'custom', path: ['run'], message: TIMELINE_RUN_MISSING });
    }
  });
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

/** Field names of the timeline frame, in order (the run timeline panel reads them by name). */
export const TIMELINE_FIELDS = [
  'step',
  'stepName',
  'template',
  'group',
  'attempt',
  'phase',
  'start',
  'end',
  'duration',
  'critical',
  'slack',
  'pod',
  'host',
  'message',
  'cpu',
  'memory',
  'nodeId',
  'argoUrl',
] as const;

/** Which source answered (frame.meta.custom.source). */
export type TimelineSource = 'argo-live' | 'argo-archived' | 'elasticsearch';

/** frame.meta.custom of the timeline frame. */
export interface TimelineMeta {
  run: { uid: string | null; name: string; namespace: string | null; phase: string | null; start: number | null; end: number | null };
  source: TimelineSource;
  /** Null when the critical path is unknown (documents collected before document model 3, or no attempt ran). */
  criticalPath: { seconds: number; steps: number } | null;
}
