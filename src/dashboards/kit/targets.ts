import type { z } from 'zod';
import type { DataSourceRef } from '@grafana/schema';

import { QUERY_SCHEMA_VERSION, QUERY_TYPES, type QueryType, type querySchemas } from '../../query/model';
import { DATASOURCE_REF } from './datasource';

/**
 * A panel target's own fields: the shared query model's input type for its queryType, so a field the
 * type does not have, or a wrong value, fails the typecheck. refId and datasource are set by the kit.
 */
export type TargetFields<T extends QueryType> = Omit<z.input<(typeof querySchemas)[T]>, 'queryType' | 'refId' | 'schemaVersion'>;

export type Target<T extends QueryType = QueryType> = TargetFields<T> & {
  refId: string;
  datasource: DataSourceRef;
  queryType: T;
  schemaVersion: number;
};

/** A target without its refId: the panel gives A, B, ... in order. */
export type TargetDraft<T extends QueryType = QueryType> = Omit<Target<T>, 'refId'>;

export function target<T extends QueryType>(queryType: T, fields: TargetFields<T>): TargetDraft<T> {
  return { datasource: DATASOURCE_REF, queryType, schemaVersion: QUERY_SCHEMA_VERSION, ...fields } as TargetDraft<T>;
}

type Builders = { [T in QueryType]: (fields: TargetFields<T>) => TargetDraft<T> };

/** One builder per query type: `q.durations({ groupBy: ['workflow'], stats: ['p95'] })`. */
export const q = Object.fromEntries(
  QUERY_TYPES.map((queryType) => [queryType, (fields: TargetFields<QueryType>) => target(queryType, fields)])
) as Builders;

const REF_IDS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Targets with refIds A, B, ... in the order given. */
export function withRefIds(drafts: TargetDraft[]): Target[] {
  return drafts.map((draft, index) => ({ refId: REF_IDS[index], ...draft }) as Target);
}
