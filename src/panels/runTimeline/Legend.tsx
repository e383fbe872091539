import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { criticalColor, LEGEND_PHASES, phaseColor } from './phaseColors';
import { durationText } from './timeScale';
import { TEXT } from './text';
import type { Timeline } from './types';

/** The phases' colours, the critical path's outline and its length, and the run's name. */
export function Legend({ timeline }: { timeline: Timeline }) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const present = new Set(timeline.attempts.map((attempt) => attempt.phase));
  const path = timeline.criticalPath;
  const run = timeline.run.name
    ? `${timeline.run.namespace ? `${timeline.run.namespace}/` : ''}${timeline.run.name}`
    : undefined;
  return (
    <div className={styles.legend} data-testid="run-timeline-legend">
      {run && <span className={styles.run}>{run}</span>}
      {LEGEND_PHASES.filter((phase) => present.has(phase)).map((phase) => (
        <span key={phase} className={styles.item}>
          <span className={styles.swatch} style={{ background: phaseColor(theme, phase) }} />
          {phase}
        </span>
      ))}
      <span className={styles.item}>
        <span className={styles.swatch} style={{ outline: `2px solid ${criticalColor(theme)}`, outlineOffset: 1 }} />
        {path ? TEXT.criticalSummary(path.steps, durationText(path.seconds)) : TEXT.criticalLegend}
      </span>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  legend: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0, 2),
    alignItems: 'center',
    flex: 'none',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    paddingBottom: theme.spacing(0.5),
  }),
  run: css({ color: theme.colors.text.primary, fontWeight: theme.typography.fontWeightMedium }),
  item: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  swatch: css({ display: 'inline-block', width: 12, height: 10, borderRadius: theme.shape.radius.default }),
});
