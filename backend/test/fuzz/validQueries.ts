import fc from 'fast-check';

import { CRON_DRIFT_VIEWS } from '../../../src/query/cronDriftQuery';
import { GROUP_KEYS, NODE_ONLY_GROUP_KEYS } from '../../../src/query/groupBy';
import { LIVE_VIEWS, OVERRUN_AGAINST } from '../../../src/query/liveQuery';
import { METRIC_AGGREGATIONS } from '../../../src/query/metricsQuery';
import { OUTCOME_MEASURES, OUTCOME_VIEWS } from '../../../src/query/outcomesQuery';
import { RESOURCE_MEASURES } from '../../../src/query/resourcesQuery';
import { BASELINE_PLAIN_STATS } from '../../../src/query/baselineQuery';
import { FRESHNESS_BASES, FRESHNESS_VIEWS } from '../../../src/query/freshnessQuery';
import { PLAIN_STATS } from '../../../src/query/stats';

/**
 * Valid queries of every query type (src/query/), over the names the test histories use (the
 * Elasticsearch history of backend/test/history.ts and the Argo double's), so that many of them find
 * data. The mutations start from these.
 */
export const NAMESPACES = ['ml', 'data', 'argo'];
export const WORKFLOWS = ['nightly-train', 'hourly-ingest', 'adhoc-eval'];
export const TASKS = ['fetch', 'train', 'evaluate', 'extract', 'load'];
export const PHASES = ['Succeeded', 'Failed', 'Error', 'Running'];
export const LABEL_VALUES = ['vision', 'platform'];

const someOf = <T>(values: readonly T[], maxLength = 3) =>
  fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength });
/** Names as a user may type them: mostly the history's, sometimes odd but allowed (any non-empty string). */
const ODD_NAMES = ['\uD800', '\udfff\ud800', 'a\uDC00', '%', '%2F', 'a b', 'é', '../x', 'x'.repeat(300)];
const names = (values: readonly string[]) =>
  fc.uniqueArray(
    fc.oneof(
      { arbitrary: fc.constantFrom(...values), weight: 15 },
      { arbitrary: fc.constantFrom(...ODD_NAMES), weight: 1 }
    ),
    {
      minLength: 1,
      maxLength: 3,
    }
  );
const level = fc.constantFrom('workflow', 'node');
const limit = fc.oneof(fc.integer({ min: 1, max: 500 }), fc.constantFrom(1, 20, 500));

/** Ad hoc filters: every operator, on plain keys and on labels, regexes included. */
const adhocFilter = fc.oneof(
  fc.record({
    key: fc.constantFrom('label:team', 'namespace', 'phase', 'workflow', 'label:app.kubernetes.io/name'),
    operator: fc.constantFrom('=', '!='),
    value: fc.constantFrom(...LABEL_VALUES, ...NAMESPACES, ...PHASES, ''),
  }),
  fc.record({
    key: fc.constantFrom('label:team', 'namespace', 'workflow', 'phase'),
    operator: fc.constantFrom('=~', '!~'),
    value: fc.constantFrom('vis.*', 'pl[a-z]+', '.*', 'm.', 'nightly-.*', 'Fail.*', '(', '[a-', 'a{2,1}'),
  }),
  fc.record({
    key: fc.constantFrom('label:team', 'namespace', 'phase'),
    operator: fc.constantFrom('=|', '!=|'),
    value: fc.constant(''),
    values: someOf([...LABEL_VALUES, ...NAMESPACES, ...PHASES], 4),
  })
);

/** Filters with keys of one level: tasks only make sense on node documents. */
const filters = (withTasks: boolean) =>
  fc.record(
    {
      namespaces: names(NAMESPACES),
      workflows: names(WORKFLOWS),
      ...(withTasks ? { tasks: names(TASKS) } : {}),
      crons: names(['nightly-train', 'hourly-ingest']),
      phases: someOf(PHASES),
      adhoc: fc.array(adhocFilter, { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: [] }
  );

const groupBy = (forLevel: string) =>
  someOf(
    forLevel === 'node'
      ? [...GROUP_KEYS, 'label:team']
      : [...GROUP_KEYS.filter((k) => !NODE_ONLY_GROUP_KEYS.includes(k)), 'label:team'],
    3
  );

/** Fields every Elasticsearch-backed type shares: level, group by (fitting the level), filters, limit. */
const grouped = <T extends Record<string, fc.Arbitrary<unknown>>>(queryType: string, extra: T) =>
  level.chain((lvl) =>
    fc.record(
      {
        queryType: fc.constant(queryType),
        level: fc.constant(lvl),
        groupBy: groupBy(lvl),
        filters: filters(lvl === 'node'),
        limit,
        ...extra,
      },
      { requiredKeys: ['queryType'] }
    )
  );

const percentile = fc.constantFrom('p50', 'p90', 'p95', 'p99', 'p99.9', 'p0', 'p100');

export const validQueries: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  durations: grouped('durations', {
    stats: fc.uniqueArray(fc.oneof(fc.constantFrom(...PLAIN_STATS), percentile), { minLength: 1, maxLength: 8 }),
    source: fc.constantFrom('elasticsearch', 'argo'),
  }),
  heatmap: level.chain((lvl) =>
    fc.record(
      { queryType: fc.constant('heatmap'), level: fc.constant(lvl), filters: filters(lvl === 'node') },
      { requiredKeys: ['queryType'] }
    )
  ),
  outcomes: grouped('outcomes', { view: fc.constantFrom(...OUTCOME_VIEWS), measures: someOf(OUTCOME_MEASURES, 4) }),
  runs: level.chain((lvl) =>
    fc.record(
      {
        queryType: fc.constant('runs'),
        level: fc.constant(lvl),
        filters: filters(lvl === 'node'),
        limit: fc.integer({ min: 1, max: 1000 }),
        baselineDays: fc.integer({ min: 1, max: 365 }),
        source: fc.constantFrom('elasticsearch', 'argo'),
      },
      { requiredKeys: ['queryType'] }
    )
  ),
  resources: grouped('resources', { resources: someOf(RESOURCE_MEASURES, 5) }),
  metrics: grouped('metrics', {
    metric: fc.constantFrom('images_processed', 'val_accuracy', 'eval.accuracy', 'rows-processed'),
    aggregation: fc.constantFrom(...METRIC_AGGREGATIONS),
  }).map((query) => ({ ...query, metric: query.metric ?? 'images_processed' })),
  baseline: grouped('baseline', {
    stat: fc.oneof(fc.constantFrom(...BASELINE_PLAIN_STATS), percentile),
    currentMinutes: fc.integer({ min: 1, max: 10_080 }),
    baselineDays: fc.integer({ min: 1, max: 365 }),
  }),
  // Run documents only: level workflow, their group keys, no step filter.
  freshness: fc.record(
    {
      queryType: fc.constant('freshness'),
      view: fc.constantFrom(...FRESHNESS_VIEWS),
      basis: fc.constantFrom(...FRESHNESS_BASES),
      groupBy: groupBy('workflow'),
      filters: filters(false),
      lookbackDays: fc.integer({ min: 1, max: 90 }),
      limit,
    },
    { requiredKeys: ['queryType'] }
  ),
  live: fc.record(
    {
      queryType: fc.constant('live'),
      source: fc.constant('argo'),
      view: fc.constantFrom(...LIVE_VIEWS),
      against: fc.constantFrom(...OVERRUN_AGAINST),
      baselineDays: fc.integer({ min: 1, max: 90 }),
      limit: fc.integer({ min: 1, max: 1000 }),
      filters: filters(false),
    },
    { requiredKeys: ['queryType'] }
  ),
  cronDrift: fc.record(
    {
      queryType: fc.constant('cronDrift'),
      view: fc.constantFrom(...CRON_DRIFT_VIEWS),
      graceSeconds: fc.integer({ min: 0, max: 86_400 }),
      lookbackDays: fc.integer({ min: 1, max: 90 }),
      limit: fc.integer({ min: 1, max: 500 }),
      filters: fc.record(
        { namespaces: names(NAMESPACES), crons: someOf(['nightly-train', 'hourly-ingest']) },
        { requiredKeys: [] }
      ),
    },
    { requiredKeys: ['queryType'] }
  ),
};

export const QUERY_TYPE_NAMES = Object.keys(validQueries);

/** Any valid query. */
export const validQuery = fc.oneof(...QUERY_TYPE_NAMES.map((name) => validQueries[name]));
