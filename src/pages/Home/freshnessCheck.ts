import { dataFrameFromJSON, type DataFrameJSON, type DataSourceInstanceSettings } from '@grafana/data';

import { humanAge, type CheckLine } from './checkLine';
import { failureReason, grafanaApi } from './grafanaApi';
import { homeText } from './homeText';

/** Older than this, the namespace's history is stale: the threshold of the "History not updated" alert rule. */
export const STALE_AFTER_SECONDS = 30 * 60;

interface QueryAnswer {
  results?: Record<string, { status?: number; error?: string; frames?: DataFrameJSON[] }>;
}

/**
 * How fresh each namespace's history is, by the `freshness` query (table view, per namespace), as a
 * panel would ask it through Grafana's /api/ds/query: a namespace whose collector stopped shows its age.
 */
export async function checkFreshness(ds: DataSourceInstanceSettings, named: boolean): Promise<CheckLine[]> {
  const prefix = named ? `${ds.name}: ` : '';
  const key = `freshness-${ds.uid}`;
  const query = { refId: 'A', datasource: { type: ds.type, uid: ds.uid }, queryType: 'freshness', view: 'table', groupBy: ['namespace'] };
  const answer = await grafanaApi<QueryAnswer>({ method: 'POST', url: '/api/ds/query', data: { queries: [query], from: 'now-1h', to: 'now' } });
  const result = answer.data?.results?.A;
  if (!answer.ok || !result || result.error) {
    return [{ key, status: 'warning', text: prefix + homeText.freshness.failed(result?.error ?? failureReason(answer.status, answer.data)) }];
  }
  const rows = (result.frames ?? []).flatMap((json) => {
    const frame = dataFrameFromJSON(json);
    const namespace = frame.fields.find((f) => f.name === 'namespace')?.values ?? [];
    const age = frame.fields.find((f) => f.name === 'age')?.values ?? [];
    return age.map((seconds: number, i: number) => ({ namespace: String(namespace[i] ?? ''), seconds }));
  });
  if (rows.length === 0) {
    return [{ key, status: 'error', text: prefix + homeText.freshness.none, action: { label: homeText.freshness.startCollector } }];
  }
  return rows.map(({ namespace, seconds }) =>
    seconds > STALE_AFTER_SECONDS
      ? { key: `${key}-${namespace}`, status: 'error', text: prefix + homeText.freshness.stale(namespace, humanAge(seconds)), action: { label: homeText.freshness.action } }
      : { key: `${key}-${namespace}`, status: 'ok', text: prefix + homeText.freshness.fresh(namespace, humanAge(seconds)) }
  );
}
