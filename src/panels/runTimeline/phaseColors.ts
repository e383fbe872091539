import type { GrafanaTheme2 } from '@grafana/data';

/** Argo's phases and the palette colour each one is drawn in (Grafana's own names, both themes). */
export const PHASE_COLORS: Record<string, string> = {
  Succeeded: 'green',
  Failed: 'red',
  Error: 'dark-red',
  Running: 'blue',
  Pending: 'yellow',
};

/** The phases shown in the legend, in this order. */
export const LEGEND_PHASES = ['Succeeded', 'Running', 'Pending', 'Failed', 'Error'];

/** The colour of a phase in the current theme; unknown phases, Skipped and Omitted in a muted grey. */
export function phaseColor(theme: GrafanaTheme2, phase: string): string {
  const name = PHASE_COLORS[phase];
  return name ? theme.visualization.getColorByName(name) : theme.colors.text.disabled;
}

/** The critical path's outline: purple, which no phase uses. */
export const criticalColor = (theme: GrafanaTheme2): string => theme.visualization.getColorByName('purple');
