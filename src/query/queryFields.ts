import { z } from 'zod';

import { groupKeyProblem, NODE_ONLY_GROUP_KEYS, type GroupKey } from './groupBy';
import { inputMessages } from './inputMessages';
import { LIMITS, textListSchema, textSchema } from './inputLimits';
import { parseLuceneRegexp } from './luceneRegexp';
import { regexpMessages } from './regexpMessages';
import { quoteValue } from './validationMessage';

/**
 * Fields that several query types share (version, source, level, filters, group by). They live apart
 * from model.ts so that each query type's schema file can use them without an import cycle.
 * Bump QUERY_SCHEMA_VERSION when a stored query needs rewriting, and teach migrateQuery the step.
 */
export const QUERY_SCHEMA_VERSION = 1;

export const SOURCES = ['elasticsearch', 'argo'] as const;
export type Source = (typeof SOURCES)[number];

/** Workflow runs (one document per run) or node executions (one per step, task or pod). */
export const LEVELS = ['workflow', 'node'] as const;
export type Level = (typeof LEVELS)[number];

/** Cron workflows are found by their label (workflows.argoproj.io/cron-workflow), so names must be label values. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const cronName = textSchema(LIMITS.labelValue).superRefine((value, ctx) => {
  if (value.length <= LIMITS.labelValue && !LABEL_VALUE.test(value)) {
    ctx.addIssue({ code: 'custom', message: inputMessages.notCronName(value) });
  }
});

/** Grafana's ad hoc filter operators that map onto Elasticsearch queries. */
export const ADHOC_OPERATORS = ['=', '!=', '=~', '!~', '=|', '!=|'] as const;

const groupKeySchema = z.string().superRefine((value, ctx) => {
  const problem = groupKeyProblem(value);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
  }
}) as unknown as z.ZodType<GroupKey>;

/** Operators whose value is a regular expression (Lucene syntax on both sources: luceneRegexp.ts). */
export const REGEXP_OPERATORS: readonly string[] = ['=~', '!~'];

/** One ad hoc filter from the dashboard: `=|` and `!=|` carry several values. */
export const adhocFilterSchema = z
  .object({
    key: groupKeySchema,
    operator: z.enum(ADHOC_OPERATORS, { message: `must be one of ${ADHOC_OPERATORS.join(' ')}` }),
    value: textSchema(LIMITS.text).default(''),
    values: z.array(textSchema(LIMITS.text)).max(LIMITS.listValues, inputMessages.tooManyValues(LIMITS.listValues)).optional(),
  })
  .superRefine((filter, ctx) => {
    if (!REGEXP_OPERATORS.includes(filter.operator)) {
      return;
    }
    const parsed = parseLuceneRegexp(filter.value);
    if ('problem' in parsed) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: regexpMessages.invalid(filter, parsed.problem.reason, parsed.problem.kind) });
    }
  });
export type AdhocFilter = z.infer<typeof adhocFilterSchema>;

export const filtersSchema = z
  .object({
    namespaces: textListSchema(LIMITS.namespace).optional(),
    workflows: textListSchema(LIMITS.name).optional(),
    templates: textListSchema(LIMITS.name).optional(),
    tasks: textListSchema(LIMITS.text).optional(),
    crons: textListSchema(LIMITS.labelValue, cronName).optional(),
    phases: textListSchema(LIMITS.labelValue).optional(),
    /** Ad hoc filters of the dashboard, added by the datasource when the query runs. */
    adhoc: z.array(adhocFilterSchema).max(50, 'at most 50 ad hoc filters').optional(),
  })
  .strict();
export type Filters = z.infer<typeof filtersSchema>;

/** The filter lists a query can carry (ad hoc filters aside); each query type reads some or all of them. */
export const FILTER_KINDS = ['namespaces', 'workflows', 'templates', 'tasks', 'crons', 'phases'] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

/**
 * The filters of a query type that reads only `kinds`: a list it would ignore is refused, naming the
 * filter, so a query never looks narrower than its answer. The editor offers the same kinds (model.ts).
 */
export function filtersFor(kinds: readonly FilterKind[], refusal: (kind: FilterKind) => string) {
  return filtersSchema
    .superRefine((filters, ctx) => {
      for (const kind of FILTER_KINDS) {
        if (!kinds.includes(kind) && filters[kind]?.length) {
          ctx.addIssue({ code: 'custom', path: [kind], message: refusal(kind) });
        }
      }
    })
    .default({});
}

export const groupBySchema = z.array(groupKeySchema).max(4, 'group by at most 4 keys').default(['workflow']);

/** Most groups returned; the rest are cut, with a notice on the frame. */
export const limitSchema = z.number().int('must be a whole number').min(1).max(500).default(20);

export const commonFields = {
  refId: textSchema(LIMITS.refId).default('A'),
  schemaVersion: z.literal(QUERY_SCHEMA_VERSION).default(QUERY_SCHEMA_VERSION),
  source: z.enum(SOURCES).default('elasticsearch'),
  filters: filtersSchema.default({}),
  level: z.enum(LEVELS).default('workflow'),
};

/** The source of a query type only the Argo Server answers: argo, or the message saying why. */
export const argoOnlySource = (message: string) => z.literal('argo', { message }).default('argo');


/** Group keys that need node documents, and keys listed twice. */
export function checkGroupBy(query: { level: Level; groupBy: GroupKey[] }, ctx: z.RefinementCtx): void {
  query.groupBy.forEach((key, index) => {
    if (query.level === 'workflow' && NODE_ONLY_GROUP_KEYS.includes(key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupBy', index],
        message: `${quoteValue(key)} needs level "node": workflow runs have no ${key}; set level to node`,
      });
    }
  });
  if (new Set(query.groupBy).size !== query.groupBy.length) {
    ctx.addIssue({ code: 'custom', path: ['groupBy'], message: 'lists the same key twice' });
  }
}
