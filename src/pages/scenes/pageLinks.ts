import type { FieldConfigSource } from '@grafana/schema';

import { ROUTES } from '../../constants';
import { ADDRESSES } from '../../dashboards/addresses';
import { slugOf } from '../../dashboards/kit';
import { prefixRoute } from '../../routing';

/** The bundled dashboards that have an app page showing the same panels: a drill-down opens the page. */
export const PAGE_OF_DASHBOARD: Record<string, string> = {
  [ADDRESSES.workflow.uid]: ROUTES.Workflow,
  [ADDRESSES.largeRun.uid]: ROUTES.Run,
  [ADDRESSES.crons.uid]: ROUTES.Cron,
};

const ADDRESS_BY_UID = new Map(Object.values(ADDRESSES).map((address) => [address.uid, address]));

/**
 * A drill-down URL (`/d/<uid>/<slug>?var-namespace=...&${__url_time_range}`) with the dashboard's path
 * swapped for its app page's; the query (variables as var-<name>, from, to) is the same on both, so the
 * page reads it as the dashboard would. Other URLs are returned as they are.
 */
export function pageUrlOf(url: string): string {
  const match = /^\/d\/([^/?]+)\/([^/?]*)(\?.*)?$/.exec(url);
  const route = match && PAGE_OF_DASHBOARD[match[1]];
  const address = match && ADDRESS_BY_UID.get(match[1]);
  if (!match || !route || !address || match[2] !== slugOf(address.title)) {
    return url;
  }
  return `${prefixRoute(route)}${match[3] ?? ''}`;
}

type Links = Array<{ url: string }>;

/** A panel's field config with every data link (defaults and overrides) pointed at the app pages. */
export function toAppPages(fieldConfig: FieldConfigSource): FieldConfigSource {
  const relink = (links: Links) => links.map((link) => ({ ...link, url: pageUrlOf(link.url) }));
  const defaults = fieldConfig.defaults.links ? { ...fieldConfig.defaults, links: relink(fieldConfig.defaults.links as Links) } : fieldConfig.defaults;
  const overrides = (fieldConfig.overrides ?? []).map((override) => ({
    ...override,
    properties: override.properties.map((property) => (property.id === 'links' ? { ...property, value: relink(property.value as Links) } : property)),
  }));
  return { ...fieldConfig, defaults, overrides };
}
