import type { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

import type { ArgoPerfQuery } from '../query/model';
import type { JsonDataInput, SecureJsonData } from '../settings/model';

/**
 * A panel target as Grafana stores it: the shared query model with every field optional, because
 * dashboards hold queries from older versions and half-edited ones. parseQuery turns it into a typed query.
 */
export interface ArgoPerfDataQuery extends DataQuery, Partial<AnyQueryFields> {}

/** The fields of every query type at once (the editor switches between them). */
type Own<Q> = Q extends unknown ? Omit<Q, 'refId' | 'queryType'> : never;
type OwnFields = Own<ArgoPerfQuery>;
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type ValueOfUnion<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** Each field with the union of its types across query types (e.g. `view` of outcomes, live and cronDrift). */
type AnyQueryFields = { [K in KeysOfUnion<OwnFields>]: ValueOfUnion<OwnFields, K> };

/** jsonData of a datasource instance: the shared settings model, as the config editor edits it. */
export type ArgoPerfJsonData = DataSourceJsonData & JsonDataInput;

export type ArgoPerfSecureJsonData = SecureJsonData;
