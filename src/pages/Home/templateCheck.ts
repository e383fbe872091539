import type { DataSourceInstanceSettings } from '@grafana/data';

import type { CheckLine } from './checkLine';
import { failureReason, grafanaApi } from './grafanaApi';
import { homeText } from './homeText';

/** The datasource's GET template resource (backend/elasticsearch/templateStatus.ts). */
interface TemplateAnswer {
  template?: { installed: boolean; current: boolean; name?: string; message: string };
  error?: string;
}

/** Whether our index template applies to the indices the datasource reads, and is at this version's model. */
export async function checkTemplate(ds: DataSourceInstanceSettings, prefix: string): Promise<CheckLine> {
  const key = `template-${ds.uid}`;
  const answer = await grafanaApi<TemplateAnswer>({ method: 'GET', url: `/api/datasources/uid/${encodeURIComponent(ds.uid)}/resources/template` });
  const template = answer.data?.template;
  if (!answer.ok || !template) {
    return { key, status: 'warning', text: prefix + homeText.template.unknown(failureReason(answer.status, answer.data)) };
  }
  if (!template.installed) {
    return { key, status: 'error', text: prefix + homeText.template.state(template.message), action: { label: homeText.elasticsearch.noIndex } };
  }
  return template.current
    ? { key, status: 'ok', text: prefix + homeText.template.state(template.message) }
    : { key, status: 'warning', text: prefix + homeText.template.state(template.message), action: { label: homeText.template.update } };
}
