import type { ArgoPerfQuery } from '../../src/query/model';
import type { DatasourceSettings } from '../../src/settings/model';
import { notConfigured, otherSource } from '../errors/notConfigured';

/**
 * A query reads the service its source names. Checked before anything is sent, so a datasource without
 * that service gets a 400 naming the setting, not a failure deep in a client.
 */
const BOTH_SOURCES: ReadonlyArray<ArgoPerfQuery['queryType']> = ['durations', 'runs', 'progress', 'timeline'];
const ARGO_ONLY: ReadonlyArray<ArgoPerfQuery['queryType']> = ['live', 'cronDrift'];

export function checkServiceConfigured(query: ArgoPerfQuery, settings: DatasourceSettings): void {
  const { queryType, source } = query;
  const both = BOTH_SOURCES.includes(queryType);
  if (source === 'elasticsearch' && !settings.elasticsearch) {
    throw both
      ? notConfigured('source', `${queryType} with source elasticsearch needs`, 'elasticsearch', otherSource('argo'))
      : notConfigured('queryType', `${queryType} needs`, 'elasticsearch');
  }
  // Other types refuse source argo themselves (not available yet), whatever the settings.
  if (source === 'argo' && !settings.argo && (both || ARGO_ONLY.includes(queryType))) {
    throw both
      ? notConfigured('source', `${queryType} with source argo needs`, 'argo', otherSource('elasticsearch'))
      : notConfigured('queryType', `${queryType} needs`, 'argo');
  }
}
