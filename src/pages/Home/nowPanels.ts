import type { Dashboard, Panel } from '@grafana/schema';

import { panelsOfDashboard } from '../scenes/dashboardPanels';

/**
 * The overview's panels that say what is slow, failing or late right now (baseline ratios, runs over
 * their p95, cron health), by title: the Home page shows these, defined once in the overview.
 */
export const NOW_PANEL_TITLES = [
  'Slower than their own baseline (p95, last day ÷ 14 days before)',
  'Failing more than their own baseline (failure rate, last day ÷ 14 days before)',
  'Runs in progress and their overrun',
  'Cron health: missed ticks',
  'Cron health: time since last success',
];

/** The overview's "right now" panels, in NOW_PANEL_TITLES order; a title the overview lost is an error. */
export function nowPanels(overview: Dashboard): Panel[] {
  const panels = panelsOfDashboard(overview);
  return NOW_PANEL_TITLES.map((title) => {
    const found = panels.find((panel) => panel.title === title);
    if (!found) {
      throw new Error(`the overview has no panel "${title}" for the Home page; update NOW_PANEL_TITLES`);
    }
    return found;
  });
}
