import { urlWithoutCredentials } from '../net/urlCredentials';
import type { FieldConfig } from './frame';

/**
 * A data link from a column of run names to the run in the Argo UI (the row's namespace field names the
 * namespace), or no link when the datasource has no Argo Server URL.
 */
export function argoLink(argoUrl: string | undefined): FieldConfig {
  if (!argoUrl) {
    return {};
  }
  // A browser follows the link: never with the user and password a URL may carry.
  const base = urlWithoutCredentials(argoUrl).replace(/\/+$/, '');
  return { links: [{ title: 'Open in Argo', url: `${base}/workflows/\${__data.fields.namespace}/\${__value.raw}`, targetBlank: true }] };
}
