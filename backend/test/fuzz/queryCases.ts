import fc from 'fast-check';

import { applyMutations, hugeKnownFields, mutation } from './queryMutations';
import { QUERY_TYPE_NAMES, validQuery } from './validQueries';
import { ODD_STRINGS } from './oddValues';
import { settingsCase, type SettingsCase } from './settingsCases';
import { queryBytes, queryPayload, type QueryPayload } from './queryPayloads';

/**
 * QueryData requests: one to a few queries (sometimes very many), each a valid query of any type,
 * possibly mutated, sent as JSON or as malformed bytes, with odd refIds, queryType beside or inside the
 * JSON, odd time ranges and intervals. Int64 fields may be given as decimal strings (beyond 2^53).
 * RefIds are valid UTF-8, as protobuf strings from Grafana always are (no lone surrogates there).
 */
export const HISTORY_END_MS = Date.parse('2026-01-15T12:00:00Z');
const DAY = 86_400_000;

export interface FuzzDataQuery {
  refId: string;
  queryType: string;
  payload: QueryPayload;
  timeRange: { fromEpochMS: number | string; toEpochMS: number | string } | null;
  intervalMS: number | string;
  maxDataPoints: number | string;
  /** Fields of the valid query that now hold a huge value (the query must be refused). */
  hugeAtKnownField: string[];
}

export interface QueryDataCase {
  settings: SettingsCase;
  headers: Record<string, string>;
  queries: FuzzDataQuery[];
  /** The datasource is saved again (same settings, a new version) while these queries run. */
  savedWhileRunning: boolean;
}

const REF_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const SPECIAL_REF_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  'A',
  'a',
  'R'.repeat(5000),
  '\uFFFD',
  'é€😀',
  '\u0000',
  'A B',
];
const refId = fc.oneof(
  { arbitrary: fc.constantFrom(...REF_IDS), weight: 8 },
  { arbitrary: fc.constantFrom(...SPECIAL_REF_IDS), weight: 2 }
);

const INT64_MAX = '9223372036854775807';
const INT64_MIN = '-9223372036854775808';

const instant = fc.oneof(
  { arbitrary: fc.integer({ min: HISTORY_END_MS - 21 * DAY, max: HISTORY_END_MS + DAY }), weight: 8 },
  {
    arbitrary: fc.constantFrom<number | string>(
      0,
      -1,
      -DAY,
      8.64e15,
      8.64e15 + 1,
      1e17,
      Date.parse('3000-01-01'),
      INT64_MAX,
      INT64_MIN
    ),
    weight: 1,
  }
);

const timeRange = fc.oneof(
  {
    arbitrary: fc
      .integer({ min: HISTORY_END_MS - 14 * DAY, max: HISTORY_END_MS })
      .chain((to) =>
        fc.integer({ min: 60_000, max: 14 * DAY }).map((span) => ({ fromEpochMS: to - span, toEpochMS: to }))
      ),
    weight: 12,
  },
  { arbitrary: fc.record({ fromEpochMS: instant, toEpochMS: instant }), weight: 3 },
  { arbitrary: instant.map((t) => ({ fromEpochMS: t, toEpochMS: t })), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 }
);

const interval = fc.oneof(
  { arbitrary: fc.constantFrom(1000, 15_000, 60_000, 300_000, 3_600_000, 86_400_000), weight: 6 },
  {
    arbitrary: fc.constantFrom<number | string>(
      0,
      1,
      -1,
      -3_600_000,
      1.5,
      999,
      7 * DAY + 1,
      2 ** 53,
      1e18,
      INT64_MAX,
      INT64_MIN
    ),
    weight: 2,
  }
);
const maxDataPoints = fc.oneof(
  { arbitrary: fc.constantFrom(100, 500, 1000, 1920), weight: 6 },
  { arbitrary: fc.constantFrom<number | string>(0, 1, -1, 2, 43_200, 1e6, 2 ** 53, INT64_MAX, INT64_MIN), weight: 2 }
);

/** Where queryType goes: in the JSON only (as the editor saves it), beside it only (alert rules), both, or disagreeing. */
const placement = fc.constantFrom('inside', 'inside', 'inside', 'beside', 'both', 'conflict', 'odd');

const mutatedQuery = fc.tuple(
  validQuery,
  fc.oneof(
    { arbitrary: fc.constant([]), weight: 3 },
    { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }), weight: 2 }
  )
);

export const dataQuery: fc.Arbitrary<FuzzDataQuery> = fc
  .record({
    refId,
    query: mutatedQuery,
    placement,
    otherType: fc.oneof(fc.constantFrom(...QUERY_TYPE_NAMES), fc.constantFrom(...ODD_STRINGS)),
    payload: queryPayload,
    timeRange,
    intervalMS: interval,
    maxDataPoints,
  })
  .map(({ refId: id, query: [base, mutations], placement: where, otherType, payload, ...rest }) => {
    const type = String(base.queryType);
    const mutated = applyMutations(base, mutations);
    let beside = '';
    if (where !== 'inside' && mutated.value && typeof mutated.value === 'object' && !Array.isArray(mutated.value)) {
      const json = mutated.value as Record<string, unknown>;
      if (where === 'beside') {
        delete json.queryType;
      }
      beside = where === 'conflict' || where === 'odd' ? otherType : type;
    }
    // What the backend will read: the JSON as sent, or nothing valid. A duplicate key replaces queryType
    // with another type, whose fields the base's may not be: its huge values are not known fields.
    const faithful = payload.kind === 'json' || payload.kind === 'number';
    const huge = faithful ? hugeKnownFields(base, mutated.value) : [];
    return {
      refId: id,
      queryType: beside,
      payload: queryBytes(payload, mutated.value),
      hugeAtKnownField: huge,
      ...rest,
    };
  });

export const queryDataCase: fc.Arbitrary<QueryDataCase> = fc.record({
  settings: settingsCase,
  headers: fc.oneof(
    fc.constant({}),
    fc.constant({ FromAlert: 'true' }),
    fc.constant({ http_X_Grafana_Org_Id: '1', FromAlert: 'x' })
  ),
  queries: fc.oneof(
    { arbitrary: fc.array(dataQuery, { minLength: 1, maxLength: 5 }), weight: 20 },
    { arbitrary: fc.array(dataQuery, { minLength: 0, maxLength: 0 }), weight: 1 },
    { arbitrary: fc.array(dataQuery, { minLength: 10, maxLength: 30 }), weight: 1 }
  ),
  savedWhileRunning: fc.oneof(
    { arbitrary: fc.constant(false), weight: 6 },
    { arbitrary: fc.constant(true), weight: 1 }
  ),
});
