import React from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { elapsedLabel, tickPlacements } from './timeScale';

interface Props {
  ticks: { step: number; offsets: number[] };
  msPerPixel: number;
  labelWidth: number;
}

/** Elapsed time since the run's start along the top, one label per tick. */
export function TimeAxis({ ticks, msPerPixel, labelWidth, trackWidth }: Props & { trackWidth: number }) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.axis} style={{ paddingLeft: labelWidth }} data-testid="run-timeline-axis">
      <div className={styles.track}>
        {tickPlacements(ticks, msPerPixel, trackWidth).map(({ offset, x, align }) => (
          <span key={offset} className={align === 'end' ? styles.endTick : styles.tick} style={{ left: x }}>
            {align && elapsedLabel(offset, ticks.step)}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The ticks' vertical lines behind the rows (over the visible rows only: it does not scroll). */
export function GridLines({ ticks, msPerPixel, labelWidth }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <div className={styles.grid} style={{ left: labelWidth }} aria-hidden>
      {ticks.offsets.map((offset) => (
        <div key={offset} className={styles.line} style={{ left: offset / msPerPixel }} />
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  axis: css({ height: 20, flex: 'none', borderBottom: `1px solid ${theme.colors.border.weak}` }),
  track: css({ position: 'relative', height: '100%' }),
  tick: css({
    position: 'absolute',
    whiteSpace: 'nowrap',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    paddingLeft: 3,
    borderLeft: `1px solid ${theme.colors.border.medium}`,
  }),
  endTick: css({
    position: 'absolute',
    transform: 'translateX(-100%)',
    whiteSpace: 'nowrap',
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    paddingRight: 3,
    borderRight: `1px solid ${theme.colors.border.medium}`,
  }),
  grid: css({ position: 'absolute', top: 0, bottom: 0, right: 0, pointerEvents: 'none' }),
  line: css({ position: 'absolute', top: 0, bottom: 0, borderLeft: `1px solid ${theme.colors.border.weak}` }),
});
