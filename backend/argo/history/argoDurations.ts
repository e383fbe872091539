import { labelNameOf } from '../../../src/query/groupBy';
import type { DurationsQuery } from '../../../src/query/model';
import { percentileOf } from '../../../src/query/stats';
import { durationsFrames } from '../../elasticsearch/durationsFrames';
import type { Frame, Notice } from '../../frames/frame';
import type { QueryInput } from '../../queries/queryInput';
import { searchIntervalMs } from '../../queries/searchInterval';
import { argoRuns } from './argoRuns';
import { matchesFilters, startMs } from './documentKeys';
import { durationsAggregations } from './memoryDurations';

/** Adds notices to the first frame of an answer. */
export function withNotices(frames: Frame[], notices: Notice[]): Frame[] {
  if (notices.length > 0 && frames[0]) {
    frames[0].meta = { ...frames[0].meta, notices: [...(frames[0].meta?.notices ?? []), ...notices] };
  }
  return frames;
}

/** durations over the runs the Argo Server holds (live + archive), aggregated like Elasticsearch's answer. */
export async function argoDurations(query: DurationsQuery, input: QueryInput): Promise<Frame[]> {
  const runs = await argoRuns(input.instance, {
    namespaces: query.filters.namespaces ?? [],
    fromMs: input.fromMs,
    toMs: input.toMs,
    withNodes: query.level === 'node',
    signal: input.context.signal,
  });
  const docs = (query.level === 'node' ? runs.nodes : runs.workflows).filter(
    (doc) => startMs(doc) >= input.fromMs && startMs(doc) < input.toMs && matchesFilters(doc, query.filters, query.level)
  );
  const percents = [...new Set(query.stats.map(percentileOf).filter((p): p is number => p !== undefined))];
  const intervalMs = searchIntervalMs(input, query.groupBy.length === 0 ? 1 : query.limit);
  const aggregations = durationsAggregations(docs, query.groupBy, query.level, intervalMs, percents);
  const search = { body: {}, labelNames: query.groupBy.map(labelNameOf), percents, msPerUnit: 1 };
  const executed = `Argo Server: ${runs.objects.length} runs listed (live and archived)${query.level === 'node' ? ' with their nodes' : ''}`;
  return withNotices(durationsFrames(query, search, aggregations, executed), runs.notices);
}
