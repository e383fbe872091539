import type { OutcomesQuery } from '../../src/query/outcomesQuery';
import type { Field, Frame } from '../frames/frame';
import { largestGroups, type GroupLevel } from './groupBuckets';
import type { OutcomesSearch } from './outcomesSearch';
import { tableFrame } from '../frames/tableFrame';

/**
 * The reasons view of outcomes: one table of the most frequent failure messages, a column per group
 * key, then `reason` and `failures` (failed and errored runs with that message), most frequent first
 * within each group.
 */
interface ReasonBuckets {
  reasons?: { buckets: Array<{ key: string; doc_count: number }>; sum_other_doc_count?: number };
}
export type FailureReasonsAggregations = ReasonBuckets & { groups?: GroupLevel<ReasonBuckets> };

export function failureReasonsFrame(
  query: OutcomesQuery,
  search: OutcomesSearch,
  aggregations: FailureReasonsAggregations,
  executedQueryString: string
): Frame {
  const { groups, notices } = largestGroups(aggregations, query.limit);
  const groupColumns: string[][] = search.labelNames.map(() => []);
  const reasons: string[] = [];
  const failures: number[] = [];
  let otherReasons = 0;
  for (const group of groups) {
    otherReasons += group.bucket.reasons?.sum_other_doc_count ?? 0;
    for (const bucket of group.bucket.reasons?.buckets ?? []) {
      group.keys.forEach((key, i) => groupColumns[i].push(key));
      reasons.push(String(bucket.key));
      failures.push(bucket.doc_count);
    }
  }
  if (otherReasons > 0) {
    notices.push({
      severity: 'info',
      text: `Only the ${query.limit} most frequent reasons per group are shown; ${otherReasons} failures with other reasons were left out.`,
    });
  }
  const fields: Field[] = [
    ...search.labelNames.map((name, i): Field => ({ name, type: 'string', nullable: false, values: groupColumns[i] })),
    { name: 'reason', type: 'string', nullable: false, values: reasons },
    { name: 'failures', type: 'number', nullable: false, config: { unit: 'none' }, values: failures },
  ];
  return tableFrame(query.refId, fields, executedQueryString, notices);
}
