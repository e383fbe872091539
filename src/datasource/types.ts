import type { DataSourceJsonData } from '@grafana/data';
import type { DataQuery } from '@grafana/schema';

import type { DurationsQuery, HeatmapQuery, OutcomesQuery, RunsQuery } from '../query/model';
import type { BaselineQuery } from '../query/baselineQuery';
import type { MetricsQuery } from '../query/metricsQuery';
import type { ResourcesQuery } from '../query/resourcesQuery';
import type { JsonDataInput, SecureJsonData } from '../settings/model';

/**
 * A panel target as Grafana stores it: the shared query model with every field optional, because
 * dashboards hold queries from older versions and half-edited ones. parseQuery turns it into a typed query.
 */
export interface ArgoPerfDataQuery extends DataQuery, Partial<AnyQueryFields> {}

/** The fields of every query type at once (the editor switches between them). */
type Own<Q> = Omit<Q, 'refId' | 'queryType'>;
type AnyQueryFields = Own<DurationsQuery> & Own<HeatmapQuery> & Own<OutcomesQuery> & Own<RunsQuery> & Own<BaselineQuery>
  & Own<ResourcesQuery> & Own<MetricsQuery>;

/** jsonData of a datasource instance: the shared settings model, as the config editor edits it. */
export type ArgoPerfJsonData = DataSourceJsonData & JsonDataInput;

export type ArgoPerfSecureJsonData = SecureJsonData;
