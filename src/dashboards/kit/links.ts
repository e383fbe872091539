import { DATASOURCE_VARIABLE } from './datasource';

/** A data link as Grafana stores it in a field's config. */
export interface DataLink {
  title: string;
  url: string;
  targetBlank?: boolean;
}

/** The dashboard a link opens: its uid and the slug Grafana makes of its title. */
export interface DashboardAddress {
  uid: string;
  title: string;
}

/** Grafana's slug of a title: lower case, runs of other characters as one dash. */
export const slugOf = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The value of a field of the clicked row (`${__data.fields.namespace}`). */
export const field = (name: string, part?: 'numeric' | 'raw' | 'text'): string =>
  `\${__data.fields.${name}${part ? `.${part}` : ''}}`;

/** The series label of the clicked point (`${__field.labels.workflow}`), for time series. */
export const label = (name: string): string => `\${__field.labels.${name}}`;

export interface DrillDownSpec {
  to: DashboardAddress;
  title: string;
  /** Variables of the target dashboard and where their values come from (field(), label() or text). */
  vars: Record<string, string>;
  /** Variables of this dashboard passed on as they are (all their values: `${workflow:queryparam}`). */
  keep?: string[];
  /** from/to of the target; the current range when left out. */
  time?: { from: string; to: string };
}

/**
 * A link to another bundled dashboard that keeps the datasource and the time range (or sets one) and
 * sets the given variables: `/d/<uid>/<slug>?var-namespace=${__data.fields.namespace}&...`.
 */
export function drillDown(spec: DrillDownSpec): DataLink {
  const vars = Object.entries(spec.vars).map(([name, value]) => `var-${name}=${value}`);
  const kept = (spec.keep ?? []).map((name) => `\${${name}:queryparam}`);
  const time = spec.time ? [`from=${spec.time.from}`, `to=${spec.time.to}`] : ['${__url_time_range}'];
  const params = [...vars, ...kept, `\${${DATASOURCE_VARIABLE}:queryparam}`, ...time].join('&');
  return { title: spec.title, url: `/d/${spec.to.uid}/${slugOf(spec.to.title)}?${params}` };
}

/** The uid a drill-down link opens (for the tests: every link points at a bundled dashboard). */
export function linkedUid(url: string): string | undefined {
  return /^\/d\/([^/?]+)\//.exec(url)?.[1];
}
