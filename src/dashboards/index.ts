import type { Dashboard } from '@grafana/schema';

import { cronSchedules } from './cronSchedules';
import { largeRunProgress } from './largeRunProgress';
import { resourceEfficiency } from './resourceEfficiency';
import { stepPerformance } from './stepPerformance';
import { workflowDetail } from './workflowDetail';
import { workflowMetrics } from './workflowMetrics';
import { workflowsOverview } from './workflowsOverview';

/** A bundled dashboard: written to dashboards/<name>.json and listed in plugin.json under that path. */
export interface BundledDashboard {
  name: string;
  build: () => Dashboard;
}

/** Every bundled dashboard, in the order the app lists them. */
export const DASHBOARDS: BundledDashboard[] = [
  { name: 'workflows-overview', build: workflowsOverview },
  { name: 'workflow-detail', build: workflowDetail },
  { name: 'step-performance', build: stepPerformance },
  { name: 'cron-schedules', build: cronSchedules },
  { name: 'resource-efficiency', build: resourceEfficiency },
  { name: 'workflow-metrics', build: workflowMetrics },
  { name: 'large-run-progress', build: largeRunProgress },
];

/** Where a bundled dashboard lives, relative to the plugin's folder (and to the repository's root). */
export const dashboardPath = (name: string): string => `dashboards/${name}.json`;

/** The JSON text committed for a dashboard: what the writer writes and the tests compare. */
export const dashboardText = (dashboard: Dashboard): string => `${JSON.stringify(dashboard, null, 2)}\n`;
