import type { Filters } from '../../src/query/model';
import { listSome, quoteValue } from '../../src/query/validationMessage';
import { QueryError } from '../errors/queryError';

/**
 * Applies the datasource's namespace allow-list to a query's filters: a query naming another namespace
 * is refused, and a query naming none is limited to the allowed ones.
 */
export function restrictNamespaces(filters: Filters, allowed: string[] | undefined): Filters {
  if (!allowed || allowed.length === 0) {
    return filters;
  }
  const asked = filters.namespaces ?? [];
  const refused = asked.filter((namespace) => !allowed.includes(namespace));
  if (refused.length > 0) {
    throw new QueryError(
      `filters.namespaces: ${listSome(refused.map(quoteValue))} not allowed for this datasource; it may read only ${listSome(allowed, 20)}`,
      'plugin',
      403
    );
  }
  return { ...filters, namespaces: asked.length > 0 ? asked : allowed };
}
