import type { Filters } from '../../src/query/model';
import { REGEXP_OPERATORS } from '../../src/query/queryFields';
import { regexpMessages } from '../../src/query/regexpMessages';
import { QueryError } from '../errors/queryError';
import { RegexpRefused } from '../errors/regexpRefused';

/**
 * An Elasticsearch refusal of a regular expression, reworded to name the ad hoc filter it came from
 * (its place, key, operator and value), as the query model's own syntax check does. Other errors pass.
 */
export function regexpFilterError(error: unknown, filters: Filters | undefined): unknown {
  if (!(error instanceof RegexpRefused)) {
    return error;
  }
  const regexps = (filters?.adhoc ?? [])
    .map((filter, i) => ({ filter, i }))
    .filter(({ filter }) => REGEXP_OPERATORS.includes(filter.operator));
  const found =
    regexps.find(({ filter }) => filter.value === error.pattern) ?? (regexps.length === 1 ? regexps[0] : undefined);
  if (!found) {
    return error;
  }
  const text = regexpMessages.refused(regexpMessages.subject(found.filter), error.reason, error.tooComplex);
  return new QueryError(`filters.adhoc[${found.i}].value: ${text}`);
}
