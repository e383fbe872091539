import { configText } from '../../src/datasource/components/config/configText';
import { queryText } from '../../src/datasource/components/query/queryText';
import type { Source } from '../../src/query/model';
import { QueryError } from './queryError';

/**
 * A request that needs a service the datasource has no settings for: 400, naming the switch and the
 * field as the settings page labels them (imported, so the two cannot drift apart), and the other way
 * when there is one.
 */
export type Service = 'elasticsearch' | 'argo';

const SERVICE_NAME: Record<Service, string> = { elasticsearch: 'Elasticsearch', argo: 'the Argo Server' };

function turnOn(service: Service): string {
  const text = configText[service];
  return `in the datasource settings, turn on "${text.enabled}" and enter its "${text.url.label}" (section ${text.title})`;
}

/** "set Source to Argo Server": the other source of a query type both sources answer. */
export function otherSource(source: Source): string {
  return `set ${queryText.source.label} to ${queryText.source.options[source]}`;
}

/** `field: what needs Elasticsearch, which this datasource is not set up to read: turn it on …[, or instead]`. */
export function notConfiguredText(field: string, what: string, service: Service, instead?: string): string {
  const name = SERVICE_NAME[service];
  return `${field}: ${what} ${name}, which this datasource is not set up to read: ${turnOn(service)}${instead ? `; or ${instead}` : ''}`;
}

export function notConfigured(field: string, what: string, service: Service, instead?: string): QueryError {
  return new QueryError(notConfiguredText(field, what, service, instead), 'plugin', 400);
}
