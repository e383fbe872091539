import type { ProgressQuery } from '../../src/query/progressQuery';
import { FAILED_STEP_PHASES, NO_MESSAGE, NO_PHASE, type RunTally, type TallyWindows } from '../progress/runTally';
import type { DocumentFields } from './documentFields';
import { timeHistogram } from './timeHistogram';

/**
 * The Elasticsearch request of a progress query: every node document of the run (no time filter: the
 * run is followed whole), counted by phase, retries, recent finishes, finishes before and within the
 * time range (date_histogram on the end field × phase) and failure messages. One search, no scripts.
 */
const PHASES_SIZE = 50;

type Terms = { buckets: Array<{ key: string; doc_count: number }>; sum_other_doc_count?: number };
export interface ProgressAggregations {
  phases: Terms;
  retries: { doc_count: number };
  recent: { doc_count: number };
  before: { phases: Terms };
  within: { over_time: { buckets: Array<{ key: number; phases: Terms }> } };
  failures: { messages: Terms };
}

const ms = (gte: number | undefined, lt: number) => ({ ...(gte === undefined ? {} : { gte }), lt, format: 'epoch_millis' });

export function progressSearch(fields: DocumentFields, query: ProgressQuery, windows: TallyWindows): Record<string, unknown> {
  const phase = fields.name('phase', 'a progress query');
  const end = fields.name('end', 'a progress query');
  const phases = { terms: { field: phase, size: PHASES_SIZE, missing: NO_PHASE } };
  const filter: object[] = [...fields.levelClauses('node'), { term: { [fields.name('workflowName', 'a progress query')]: query.run } }];
  if (query.filters.namespaces?.length) {
    filter.push({ terms: { [fields.groupField('namespace', 'node')]: query.filters.namespaces } });
  }
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter } },
    aggs: {
      phases,
      retries: { filter: { range: { [fields.name('retryAttempt', 'counting retries')]: { gte: 1 } } } },
      recent: { filter: { range: { [end]: ms(windows.nowMs - windows.rateMinutes * 60_000, windows.nowMs) } } },
      before: { filter: { range: { [end]: ms(undefined, windows.fromMs) } }, aggs: { phases } },
      within: {
        filter: { range: { [end]: ms(windows.fromMs, windows.toMs) } },
        aggs: {
          over_time: {
            ...timeHistogram(end, windows.intervalMs),
            aggs: { phases },
          },
        },
      },
      failures: {
        filter: { terms: { [phase]: FAILED_STEP_PHASES } },
        aggs: {
          messages: {
            terms: { field: fields.name('message', 'failure messages'), size: windows.limit, missing: NO_MESSAGE, order: [{ _count: 'desc' }, { _key: 'asc' }] },
          },
        },
      },
    },
  };
}

const counts = (terms: Terms | undefined) => Object.fromEntries((terms?.buckets ?? []).map((b) => [String(b.key), b.doc_count]));

/** The tally from the search's answer. */
export function progressTally(aggregations: ProgressAggregations): RunTally {
  const messages = aggregations.failures?.messages;
  return {
    byPhase: counts(aggregations.phases),
    retries: aggregations.retries?.doc_count ?? 0,
    finishedRecently: aggregations.recent?.doc_count ?? 0,
    finishedBefore: counts(aggregations.before?.phases),
    finishedOverTime: (aggregations.within?.over_time.buckets ?? []).map((b) => ({ time: b.key, byPhase: counts(b.phases) })),
    failures: (messages?.buckets ?? []).map((b) => ({ message: String(b.key), count: b.doc_count })),
    otherFailures: messages?.sum_other_doc_count ?? 0,
  };
}
