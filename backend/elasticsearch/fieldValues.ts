import type { PlainGroupKey } from '../../src/query/groupBy';
import type { Level } from '../../src/query/model';
import type { DatasourceInstance } from '../settings/instances';
import { FIELDS, groupField } from './fieldNames';
import { searchAggregations } from './searchElasticsearch';

/** Distinct values of one field (for template variables), most frequent first, then sorted by name. */
export interface ValuesRequest {
  key: PlainGroupKey;
  level: Level;
  namespaces?: string[];
  fromMs?: number;
  toMs?: number;
  size: number;
}

export async function fieldValues(instance: DatasourceInstance, request: ValuesRequest, signal: AbortSignal): Promise<string[]> {
  const filter: object[] = [{ term: { [FIELDS.kind]: request.level } }];
  if (request.namespaces?.length) {
    filter.push({ terms: { [groupField('namespace', request.level)]: request.namespaces } });
  }
  if (request.fromMs !== undefined || request.toMs !== undefined) {
    filter.push({ range: { [FIELDS.start]: { gte: request.fromMs, lt: request.toMs, format: 'epoch_millis' } } });
  }
  const aggregations = await searchAggregations<{ values: { buckets: Array<{ key: string }> } }>(
    instance,
    {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter } },
      aggs: { values: { terms: { field: groupField(request.key, request.level), size: request.size } } },
    },
    signal
  );
  return aggregations.values.buckets.map((bucket) => String(bucket.key)).sort((a, b) => a.localeCompare(b));
}
