import { stepName } from '../../src/query/stepName';

/**
 * Step names (src/query/stepName.ts) from Elasticsearch without scripts (clusters may refuse Painless):
 * names without a suffix in one terms aggregation, loop items and retries in another, larger one, whose
 * keys are cut to their step name here. 10,000 items cover the largest fan-outs we know (9,000 pods);
 * beyond that a loop's items can crowd out a rarer loop's.
 */
const SUFFIXED = '[^(]+\\(.*';
export const LOOP_ITEM_BUCKETS = 10_000;

export function stepNameAggregations(field: string, size: number): Record<string, object> {
  return {
    values: { terms: { field, size, exclude: SUFFIXED } },
    suffixed: { terms: { field, size: LOOP_ITEM_BUCKETS, include: SUFFIXED } },
  };
}

/** The step names of both aggregations' keys, once each, sorted. */
export function stepNamesOf(keys: string[], size: number): string[] {
  return [...new Set(keys.map(stepName))].sort((a, b) => a.localeCompare(b)).slice(0, size);
}

/** Elasticsearch clause: the field holds one of `values`, or is an item of a loop whose step name is one. */
export function taskFilterClause(field: string, values: string[]): object {
  const loopItems = values.filter((value) => !value.includes('(')).map((value) => ({ prefix: { [field]: `${value}(` } }));
  return { bool: { should: [{ terms: { [field]: values } }, ...loopItems], minimum_should_match: 1 } };
}
