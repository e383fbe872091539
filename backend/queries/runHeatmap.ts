import type { HeatmapQuery } from '../../src/query/heatmapQuery';
import { heatmapFrame, type HeatmapAggregations } from '../elasticsearch/heatmapFrame';
import { DURATION_BANDS, heatmapSearch } from '../elasticsearch/heatmapSearch';
import { searchAggregations } from '../elasticsearch/searchElasticsearch';
import { documentFields } from '../elasticsearch/documentFields';
import type { Frame } from '../frames/frame';
import { QueryError } from '../errors/queryError';
import { restrictNamespaces } from './namespaceAccess';
import type { QueryInput } from './queryInput';
import { searchIntervalMs } from './searchInterval';

export async function runHeatmap(query: HeatmapQuery, input: QueryInput): Promise<Frame[]> {
  if (query.source !== 'elasticsearch') {
    throw new QueryError('source: heatmaps from the Argo Server are not available yet; use source elasticsearch');
  }
  const filters = restrictNamespaces(query.filters, input.instance.settings.namespaces);
  // Each time bucket brings one range bucket per duration band along.
  const intervalMs = searchIntervalMs(input, DURATION_BANDS.length + 1);
  const fields = documentFields(input.instance);
  const body = heatmapSearch(fields, { ...query, filters }, { fromMs: input.fromMs, toMs: input.toMs }, intervalMs);
  const aggregations = await searchAggregations<HeatmapAggregations>(input.instance, body, input.context.signal);
  return [heatmapFrame(query, aggregations, JSON.stringify(body), fields.msPerDurationUnit)];
}
