import type {
  AdHocVariableFilter,
  CoreApp,
  DataSourceGetTagKeysOptions,
  DataSourceGetTagValuesOptions,
  TimeRange,
  DataSourceInstanceSettings,
  LegacyMetricFindQueryOptions,
  MetricFindValue,
  ScopedVars,
} from '@grafana/data';
import { DataSourceWithBackend, getTemplateSrv } from '@grafana/runtime';

import type { Level } from '../query/model';
import { defaultQuery } from '../query/parseQuery';
import { resolveFieldMap } from '../settings/fieldMapping';
import { parseVariableQuery, valuesOf, type ResourceAnswer, type ResourceKind } from './resources';
import { expandEntry, interpolateQuery } from './templateVariables';
import type { ArgoPerfDataQuery, ArgoPerfJsonData } from './types';

/** Queries run in the plugin backend; the browser side only fills in template variables and lists values. */
const isText = (value: string | undefined): value is string => !!value;

export class ArgoPerfDataSource extends DataSourceWithBackend<ArgoPerfDataQuery, ArgoPerfJsonData> {
  constructor(readonly instanceSettings: DataSourceInstanceSettings<ArgoPerfJsonData>) {
    super(instanceSettings);
  }

  getDefaultQuery(_app: CoreApp): Partial<ArgoPerfDataQuery> {
    // Grafana assigns the refId of a new query itself.
    const query: Partial<ArgoPerfDataQuery> = { ...defaultQuery() };
    delete query.refId;
    // Documents without a kind field are all of one level (flat documents: steps); start there.
    const es = this.instanceSettings.jsonData.elasticsearch;
    if (es) {
      const fields = resolveFieldMap(es.fieldMapping);
      if (!fields.names.kind) {
        query.level = fields.documentLevel;
      }
    }
    if (!es && this.instanceSettings.jsonData.argo) {
      query.source = 'argo';
    }
    return query;
  }

  filterQuery(query: ArgoPerfDataQuery): boolean {
    return query.hide !== true;
  }

  applyTemplateVariables(
    query: ArgoPerfDataQuery,
    scopedVars: ScopedVars,
    filters?: AdHocVariableFilter[]
  ): ArgoPerfDataQuery {
    return interpolateQuery(query, getTemplateSrv(), scopedVars, filters);
  }

  /** Ad hoc filter keys: the group keys and label:<key> for each label found. */
  async getTagKeys(options?: DataSourceGetTagKeysOptions<ArgoPerfDataQuery>): Promise<MetricFindValue[]> {
    const answer = await this.getResource<ResourceAnswer>('keys', this.rangeParams(options?.timeRange));
    return valuesOf(answer).map((text) => ({ text }));
  }

  async getTagValues(options: DataSourceGetTagValuesOptions<ArgoPerfDataQuery>): Promise<MetricFindValue[]> {
    const answer = await this.getResource<ResourceAnswer>('values', {
      key: options.key,
      ...this.rangeParams(options.timeRange),
    });
    return valuesOf(answer).map((text) => ({ text }));
  }

  private rangeParams(range?: TimeRange): Record<string, number> {
    return range ? { from: range.from.valueOf(), to: range.to.valueOf() } : {};
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
    const workflows = parsed.workflow ? expandEntry(parsed.workflow, getTemplateSrv(), options?.scopedVars) : [];
    if (parsed.kind === 'runs') {
      // Runs are one list in the backend's order (newest or largest first) over every namespace and workflow chosen.
      const runs = await this.listValues('runs', namespaces.filter(isText), undefined, parsed.source, parsed.level, workflows.filter(isText));
      return runs.map((text) => ({ text, value: text }));
    }
    const lists = await Promise.all(namespaces.map((namespace) => this.listValues(parsed.kind, namespace, parsed.key, parsed.source, parsed.level)));
    return [...new Set(lists.flat())].map((text) => ({ text, value: text }));
  }

  /** Values of one kind (namespaces, workflows, ...) that the backend finds, optionally in one namespace. */
  async listValues(kind: ResourceKind, namespace?: string | string[], key?: string, source?: 'argo', level?: Level, workflow?: string[]): Promise<string[]> {
    const params = {
      ...(namespace?.length ? { namespace } : {}),
      ...(key ? { key } : {}),
      ...(source ? { source } : {}),
      ...(level ? { level } : {}),
      ...(workflow?.length ? { workflow } : {}),
    };
    const answer = await this.getResource<ResourceAnswer>(kind, Object.keys(params).length ? params : undefined);
    return valuesOf(answer);
  }
}
