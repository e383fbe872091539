import type {
  CoreApp,
  DataSourceInstanceSettings,
  LegacyMetricFindQueryOptions,
  MetricFindValue,
  ScopedVars,
} from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';

import { defaultQuery } from '../query/parseQuery';
import { parseVariableQuery, valuesOf, type ResourceAnswer, type ResourceKind } from './resources';
import { expandEntry, interpolateFilters } from './templateVariables';
import type { ArgoPerfDataQuery, ArgoPerfJsonData } from './types';

/** Queries run in the plugin backend; the browser side only fills in template variables and lists values. */
export class ArgoPerfDataSource extends DataSourceWithBackend<ArgoPerfDataQuery, ArgoPerfJsonData> {
  constructor(instanceSettings: DataSourceInstanceSettings<ArgoPerfJsonData>) {
    super(instanceSettings);
  }

  getDefaultQuery(_app: CoreApp): Partial<ArgoPerfDataQuery> {
    // Grafana assigns the refId of a new query itself.
    const query: Partial<ArgoPerfDataQuery> = { ...defaultQuery() };
    delete query.refId;
    return query;
  }

  filterQuery(query: ArgoPerfDataQuery): boolean {
    return query.hide !== true;
  }

  applyTemplateVariables(query: ArgoPerfDataQuery, scopedVars: ScopedVars): ArgoPerfDataQuery {
    if (!query.filters) {
      return query;
    }
    return { ...query, filters: interpolateFilters(query.filters, getTemplateSrv(), scopedVars) };
  }

  /** Dashboard variables: see parseVariableQuery for the query syntax. */
  async metricFindQuery(query: string, options?: LegacyMetricFindQueryOptions): Promise<MetricFindValue[]> {
    const parsed = parseVariableQuery(query);
    if ('error' in parsed) {
      throw new Error(parsed.error);
    }
    // A multi-value namespace variable lists the values of each of its namespaces.
    const namespaces = parsed.namespace
      ? expandEntry(parsed.namespace, getTemplateSrv(), options?.scopedVars)
      : [undefined];
    const lists = await Promise.all(namespaces.map((namespace) => this.listValues(parsed.kind, namespace)));
    return [...new Set(lists.flat())].map((text) => ({ text, value: text }));
  }

  /** Values of one kind (namespaces, workflows, ...) that the backend finds, optionally in one namespace. */
  async listValues(kind: ResourceKind, namespace?: string): Promise<string[]> {
    const answer = await this.getResource<ResourceAnswer>(kind, namespace ? { namespace } : undefined);
    return valuesOf(answer);
  }
}
