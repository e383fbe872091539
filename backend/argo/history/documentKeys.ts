import type { GroupKey } from '../../../src/query/groupBy';
import type { Filters, Level } from '../../../src/query/model';
import type { AdhocFilter } from '../../../src/query/queryFields';
import { parseLuceneRegexp } from '../../../src/query/luceneRegexp';
import { regexpMessages } from '../../../src/query/regexpMessages';
import { QueryError } from '../../errors/queryError';
import type { NodeDocument, WorkflowDocument } from '../extract/documents';
import { luceneMatcher, MatchTooCostly } from './luceneMatch';
import { stepName, taskFilterMatches } from '../../../src/query/stepName';

/**
 * Group keys and filters over documents in memory, for answers built from the Argo Server's lists:
 * the same keys and filter meanings as the Elasticsearch searches (docs/contracts.md).
 */
export type RunDocument = WorkflowDocument | NodeDocument;

/** The value of a group key on a document, or undefined when it has none. */
export function keyValue(doc: RunDocument, key: GroupKey, level: Level): string | undefined {
  if (key.startsWith('label:')) {
    return doc.labels?.[key.slice('label:'.length)];
  }
  const node = 'node' in doc ? doc.node : undefined;
  switch (key) {
    case 'namespace':
      return doc.namespace;
    case 'workflow':
      // The workflow as people name it, not one run's generated name (see documentFields.ts).
      return doc.workflow?.template;
    case 'template':
      return level === 'node' ? node?.template : doc.workflow?.template;
    case 'step':
      // Documents extracted here always have it; the fallback is the same rule (stepName.ts).
      return node ? (node.step ?? stepName(node.display_name)) : undefined;
    case 'task':
      return node?.display_name;
    case 'cron':
      return doc.workflow?.cron;
    case 'node':
      return node?.name;
    case 'phase':
      return doc.phase;
    default:
      return undefined;
  }
}

const FILTER_KEYS: Array<[Exclude<keyof Filters, 'adhoc'>, GroupKey]> = [
  ['namespaces', 'namespace'],
  ['workflows', 'workflow'],
  ['templates', 'template'],
  ['tasks', 'task'],
  ['crons', 'cron'],
  ['phases', 'phase'],
];

/** Each regular-expression filter's matcher, made once per query (the filter objects live as long). */
const matchers = new WeakMap<AdhocFilter, (value: string) => boolean>();

/** Lucene's syntax, whole value, as Elasticsearch matches (luceneRegexp.ts, luceneMatch.ts). */
function regexpMatches(filter: AdhocFilter, value: string): boolean {
  let matcher = matchers.get(filter);
  if (!matcher) {
    const parsed = parseLuceneRegexp(filter.value);
    if ('problem' in parsed) {
      // The query model refuses these first; this is for callers that bypass it.
      throw new QueryError(
        `filters.adhoc: ${regexpMessages.invalid(filter, parsed.problem.reason, parsed.problem.kind)}`
      );
    }
    matcher = luceneMatcher(parsed.node);
    matchers.set(filter, matcher);
  }
  try {
    return matcher(value);
  } catch (error) {
    if (error instanceof MatchTooCostly) {
      throw new QueryError(`filters.adhoc: ${regexpMessages.tooCostly(filter, value.length)}`);
    }
    throw error;
  }
}

function adhocMatches(value: string | undefined, filter: AdhocFilter): boolean {
  const values = filter.values?.length ? filter.values : [filter.value];
  switch (filter.operator) {
    case '=':
      return value === filter.value;
    case '!=':
      return value !== filter.value;
    case '=~':
      return value !== undefined && regexpMatches(filter, value);
    case '!~':
      return value === undefined || !regexpMatches(filter, value);
    case '=|':
      return value !== undefined && values.includes(value);
    case '!=|':
      return value === undefined || !values.includes(value);
  }
}

/** Whether a document passes the query's filters (lists and ad hoc filters together). */
export function matchesFilters(doc: RunDocument, filters: Filters, level: Level): boolean {
  for (const [name, key] of FILTER_KEYS) {
    const allowed = filters[name];
    const value = keyValue(doc, key, level) ?? '';
    // A step name picks every item of its loop (stepName.ts).
    const picked = name === 'tasks' ? allowed?.some((entry) => taskFilterMatches(entry, value)) : allowed?.includes(value);
    if (allowed && allowed.length > 0 && !picked) {
      return false;
    }
  }
  return (filters.adhoc ?? []).every((filter) => adhocMatches(keyValue(doc, filter.key, level), filter));
}

export const startMs = (doc: RunDocument): number => Date.parse(doc['@timestamp']);
