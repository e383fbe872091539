import type { Dashboard, Panel, VariableModel } from '@grafana/schema';

import { panelsOfDashboard } from '../scenes/dashboardPanels';

/**
 * The bundled panels that say what is slow, failing or late right now, by dashboard and title: the
 * overview's baseline ratios, runs over their p95 and cron health, and the cron dashboard's start
 * delays. The Home page shows these, each defined once in its dashboard.
 */
export const NOW_PANEL_TITLES = {
  overview: [
    'Slower than their own baseline (p95, last day ÷ 14 days before)',
    'Failing more than their own baseline (failure rate, last day ÷ 14 days before)',
    'Runs in progress and their overrun',
    'Cron health: missed ticks',
    'Cron health: time since last success',
  ],
  crons: ['Start delay per cron'],
};

export interface NowSources {
  overview: Dashboard;
  crons: Dashboard;
}

/** The "right now" panels, in NOW_PANEL_TITLES order; a title its dashboard lost is an error. */
export function nowPanels(sources: NowSources): Panel[] {
  return (Object.keys(NOW_PANEL_TITLES) as Array<keyof NowSources>).flatMap((source) => {
    const panels = panelsOfDashboard(sources[source]);
    return NOW_PANEL_TITLES[source].map((title) => {
      const found = panels.find((panel) => panel.title === title);
      if (!found) {
        throw new Error(`the ${source} dashboard has no panel "${title}" for the Home page; update NOW_PANEL_TITLES`);
      }
      return found;
    });
  });
}

/** The variables those panels read: each dashboard's, once by name (both have the datasource and namespace). */
export function nowVariables(sources: NowSources): VariableModel[] {
  const all = Object.values(sources).flatMap((dashboard) => dashboard.templating?.list ?? []);
  return all.filter((variable, index) => all.findIndex((other) => other.name === variable.name) === index);
}
