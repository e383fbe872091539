import type { ArgoPerfDataQuery } from '../../types';

/** What each query type's editor section gets from the QueryEditor. */
export interface SectionProps<Q> {
  /** The query with the defaults of its type filled in. */
  shown: Q;
  /** The stored query, for fields whose half-typed value must show as typed (limit). */
  query: ArgoPerfDataQuery;
  /** Writes a change; runs the query unless `run` is false or the result is invalid. */
  change: (patch: Partial<ArgoPerfDataQuery>, run?: boolean) => void;
  /** Whether the current validation problem names this field. */
  invalid: (field: string) => boolean;
}
