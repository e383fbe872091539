import type { RunsQuery } from '../../src/query/runsQuery';
import type { FieldRole } from '../../src/settings/fieldMapping';
import type { DocumentFields } from './documentFields';
import { searchFilters, type TimeWindow } from './searchFilters';

/**
 * The documents of a runs query: the newest runs (or steps) that started in the time range, one more
 * than the limit so that the answer can say whether older ones were left out. Plain size + sort, reading
 * the table's columns with the `fields` option (so renamed and runtime fields read alike).
 */
export interface RunRow {
  startMs?: number;
  endMs?: number;
  durationMs?: number;
  phase?: string;
  namespace?: string;
  workflowName?: string;
  workflowUid?: string;
  workflowTemplate?: string;
  task?: string;
  nodeTemplate?: string;
  retryAttempt?: number;
  message?: string;
}

type TextColumn =
  'phase' | 'namespace' | 'workflowName' | 'workflowUid' | 'workflowTemplate' | 'task' | 'nodeTemplate' | 'message';
const WORKFLOW_TEXT: TextColumn[] = [
  'phase',
  'namespace',
  'workflowName',
  'workflowUid',
  'workflowTemplate',
  'message',
];
const NODE_TEXT: TextColumn[] = [...WORKFLOW_TEXT, 'task', 'nodeTemplate'];

/** Which field each column reads; columns whose role the mapping leaves empty stay empty. */
export interface RunsColumns {
  start: string;
  end?: string;
  duration?: string;
  msPerUnit: number;
  retryAttempt?: string;
  text: Array<[TextColumn, string]>;
}

export function runsColumns(fields: DocumentFields, level: RunsQuery['level']): RunsColumns {
  const text = (level === 'node' ? NODE_TEXT : WORKFLOW_TEXT)
    .map((column): [TextColumn, string | undefined] => [column, fields.optional(column as FieldRole)])
    .filter((pair): pair is [TextColumn, string] => pair[1] !== undefined);
  const derived = fields.map.durationUnit === 'derived';
  return {
    start: fields.start,
    end: fields.optional('end'),
    duration: derived || fields.optional('duration') ? fields.duration : undefined,
    msPerUnit: fields.msPerDurationUnit,
    retryAttempt: level === 'node' ? fields.optional('retryAttempt') : undefined,
    text,
  };
}

export function runsSearch(fields: DocumentFields, query: RunsQuery, window: TimeWindow): Record<string, unknown> {
  const columns = runsColumns(fields, query.level);
  const dates = [columns.start, columns.end].filter(Boolean).map((field) => ({ field, format: 'epoch_millis' }));
  const numbers = [columns.duration, columns.retryAttempt].filter(Boolean);
  const tieBreakers = [
    fields.optional('workflowName'),
    query.level === 'node' ? fields.optional('nodeName') : undefined,
  ].filter(Boolean);
  return {
    size: query.limit + 1,
    track_total_hits: false,
    _source: false,
    fields: [...dates, ...numbers, ...columns.text.map(([, field]) => field)],
    query: { bool: { filter: searchFilters(fields, query.level, window, query.filters) } },
    // Names break ties (Argo's timestamps are whole seconds, parallel steps often start together);
    // unmapped_type keeps indices that lack a name field sortable.
    sort: [
      { [fields.start]: 'desc' },
      ...tieBreakers.map((field) => ({ [field as string]: { order: 'asc', unmapped_type: 'keyword' } })),
    ],
  };
}

const first = (values: unknown[] | undefined): unknown => (Array.isArray(values) ? values[0] : undefined);

function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** One row from one hit's `fields`. */
export function readRunRow(columns: RunsColumns, hitFields: Record<string, unknown[]>): RunRow {
  const row: RunRow = {
    startMs: numberOf(first(hitFields[columns.start])),
    endMs: columns.end ? numberOf(first(hitFields[columns.end])) : undefined,
  };
  const duration = columns.duration ? numberOf(first(hitFields[columns.duration])) : undefined;
  row.durationMs = duration === undefined ? undefined : duration * columns.msPerUnit;
  if (columns.retryAttempt) {
    row.retryAttempt = numberOf(first(hitFields[columns.retryAttempt]));
  }
  for (const [column, field] of columns.text) {
    const value = first(hitFields[field]);
    if (value !== undefined && value !== null) {
      row[column] = String(value);
    }
  }
  return row;
}
