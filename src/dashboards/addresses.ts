import type { DashboardAddress } from './kit';

/**
 * The bundled dashboards' uids and titles, in one place so that drill-down links between them are
 * checked by the compiler. Uids are stable: links, bookmarks and alert rules' dashboard links use them.
 */
export const ADDRESSES = {
  overview: { uid: 'argoperf-overview', title: 'Argo Workflows overview' },
  workflow: { uid: 'argoperf-workflow', title: 'Argo workflow detail' },
  steps: { uid: 'argoperf-steps', title: 'Argo step performance' },
  crons: { uid: 'argoperf-crons', title: 'Argo cron schedules' },
  resources: { uid: 'argoperf-resources', title: 'Argo resource efficiency' },
  metrics: { uid: 'argoperf-metrics', title: 'Argo workflow metrics' },
  largeRun: { uid: 'argoperf-large-run', title: 'Argo large run progress' },
} satisfies Record<string, DashboardAddress>;
