import type { Dashboard, Panel, RowPanel } from '@grafana/schema';

/** Every panel of a dashboard, those inside rows (open or collapsed) included, rows themselves left out. */
export function panelsOfDashboard(dashboard: Dashboard): Panel[] {
  return (dashboard.panels ?? []).flatMap((panel: Panel | RowPanel) => (panel.type === 'row' ? ((panel as RowPanel).panels ?? []) : [panel as Panel]));
}
