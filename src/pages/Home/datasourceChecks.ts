import { getDataSourceSrv } from '@grafana/runtime';
import type { DataSourceInstanceSettings } from '@grafana/data';

import { DATASOURCE_TYPE } from '../../constants';
import { datasourceSettingsUrl, newDatasourceUrl } from '../../routing';
import type { CheckLine } from './checkLine';
import { failureReason, grafanaApi } from './grafanaApi';
import { homeText } from './homeText';
import { checkTemplate } from './templateCheck';

/** What Grafana's health API answers (pkg/api/datasources.go checkDatasourceHealth), on 200 and 400 alike. */
interface HealthAnswer {
  status?: string;
  message?: string;
  /** Our CheckHealth's jsonDetails (backend/handlers/checkHealth.ts): one entry per configured service. */
  details?: Partial<Record<'elasticsearch' | 'argo', { ok: boolean; message: string; version?: string }>>;
}

export interface DatasourceResult {
  lines: CheckLine[];
  /** Datasources whose Elasticsearch answered: the ones whose history's freshness can be read. */
  withHistory: DataSourceInstanceSettings[];
  /** More than one datasource: each line says which it is about. */
  named: boolean;
}

/** Our datasources, each with its health and the health of its Elasticsearch and Argo Server. */
export async function checkDatasources(): Promise<DatasourceResult> {
  // By pluginId: a list filtered by `type` also gets Grafana's built-in "-- Grafana --" appended.
  const datasources = getDataSourceSrv().getList({ pluginId: DATASOURCE_TYPE });
  if (datasources.length === 0) {
    return { lines: [{ key: 'datasource', status: 'error', text: homeText.datasource.none, action: { label: homeText.datasource.add, href: newDatasourceUrl(DATASOURCE_TYPE) } }], withHistory: [], named: false };
  }
  const named = datasources.length > 1;
  const results = await Promise.all(datasources.map((ds) => checkOne(ds, named)));
  return { lines: results.flatMap((r) => r.lines), withHistory: results.flatMap((r) => (r.history ? [r.history] : [])), named };
}

async function checkOne(ds: DataSourceInstanceSettings, named: boolean): Promise<{ lines: CheckLine[]; history?: DataSourceInstanceSettings }> {
  const settings = { label: homeText.datasource.settings, href: datasourceSettingsUrl(ds.uid) };
  const answer = await grafanaApi<HealthAnswer>({ method: 'GET', url: `/api/datasources/uid/${encodeURIComponent(ds.uid)}/health` });
  const body = answer.data ?? {};
  if (!body.status) {
    return { lines: [{ key: `datasource-${ds.uid}`, status: 'error', text: homeText.datasource.unreachable(ds.name, failureReason(answer.status, body)), action: settings }] };
  }
  const healthy = body.status === 'OK';
  const lines: CheckLine[] = [
    healthy
      ? { key: `datasource-${ds.uid}`, status: 'ok', text: homeText.datasource.healthy(ds.name) }
      : {
          key: `datasource-${ds.uid}`,
          status: 'error',
          // With details, each failing service has its own line below: the summary would repeat them.
          text: body.details ? homeText.datasource.partsFailing(ds.name) : homeText.datasource.failing(ds.name, body.message ?? body.status),
          action: settings,
        },
  ];
  if (!body.details) {
    // The settings themselves were refused: the message above says which field to fix.
    return { lines };
  }
  const prefix = named ? `${ds.name}: ` : '';
  const { elasticsearch, argo } = body.details;
  lines.push(
    elasticsearch
      ? elasticsearch.ok
        ? { key: `elasticsearch-${ds.uid}`, status: 'ok', text: prefix + homeText.elasticsearch.ok(elasticsearch.message) }
        : {
            key: `elasticsearch-${ds.uid}`,
            status: 'error',
            text: prefix + homeText.elasticsearch.failing(elasticsearch.message),
            // Reachable without a matching index: the template and the collector are missing, not the settings.
            action: elasticsearch.version ? { label: homeText.elasticsearch.noIndex } : settings,
          }
      : { key: `elasticsearch-${ds.uid}`, status: 'warning', text: prefix + homeText.elasticsearch.notSet, action: settings },
    argo
      ? argo.ok
        ? { key: `argo-${ds.uid}`, status: 'ok', text: prefix + homeText.argo.ok(argo.message) }
        : { key: `argo-${ds.uid}`, status: 'error', text: prefix + homeText.argo.failing(argo.message), action: settings }
      : { key: `argo-${ds.uid}`, status: 'warning', text: prefix + homeText.argo.notSet, action: settings }
  );
  if (elasticsearch?.version) {
    // Elasticsearch answered: whether our template applies to what the datasource reads (after its own line).
    lines.splice(2, 0, await checkTemplate(ds, prefix));
  }
  return { lines, history: elasticsearch?.ok ? ds : undefined };
}
