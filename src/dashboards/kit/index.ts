/** Typed builders for the bundled dashboards: each panel is defined once, in TypeScript. */
export { dashboard, BUNDLE_TAG, SCHEMA_VERSION, type DashboardSpec } from './dashboard';
export { DATASOURCE_REF, DATASOURCE_VARIABLE } from './datasource';
export { byName, byRegexp, labelsName, type Override, type Step } from './fieldConfig';
export { layout, GRID_COLUMNS, type LayoutItem, type Row, type Sized } from './layout';
export { drillDown, field, label, linkedUid, slugOf, type DashboardAddress, type DataLink } from './links';
export { barchart, bargauge, heatmap, runTimeline, stat, table, text, timeseries, type PanelSpec } from './panels';
export { q, target, type Target, type TargetDraft, type TargetFields } from './targets';
export { transform } from './transformations';
export { gibAsMib, UNITS } from './units';
export { customVariable, resourceVariable, VARIABLES } from './variables';
export { runVariable } from './runVariable';
