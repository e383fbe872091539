import React from 'react';
import { css, cx } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { criticalColor, phaseColor } from './phaseColors';
import { barEnd, type StepRow } from './rows';
import { durationText } from './timeScale';
import type { StepAttempt } from './types';

export interface Scale {
  from: number;
  msPerPixel: number;
}

export type HoverHandler = (hover: { attempt: StepAttempt; attempts: number; x: number; y: number } | null) => void;

interface Props {
  row: StepRow;
  scale: Scale;
  onHover: HoverHandler;
}

/** The attempts of one step, side by side on its line; a step that never started shows its phase in words. */
export function StepBars({ row, scale, onHover }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const started = row.attempts.filter((attempt) => attempt.start !== null);
  if (!started.length) {
    return (
      <span className={styles.notStarted}>{row.attempts.map((attempt) => attempt.phase.toLowerCase()).join(', ')}</span>
    );
  }
  return (
    <>
      {started.map((attempt) => {
        const start = attempt.start as number;
        const left = (start - scale.from) / scale.msPerPixel;
        const width = Math.max(2, ((barEnd(attempt) ?? start) - start) / scale.msPerPixel);
        const label = `${attempt.step}${attempt.attempt === null ? '' : ` attempt ${attempt.attempt}`}: ${attempt.phase}${attempt.duration === null ? '' : `, ${durationText(attempt.duration)}`}${attempt.critical ? ', critical path' : ''}`;
        const hover = (event: React.MouseEvent) =>
          onHover({ attempt, attempts: row.attempts.length, x: event.clientX, y: event.clientY });
        const common = {
          className: cx(styles.bar, attempt.critical && styles.critical, attempt.end === null && styles.running),
          style: { left, width, background: phaseColor(theme, attempt.phase), outlineColor: criticalColor(theme) },
          'aria-label': label,
          'data-phase': attempt.phase,
          'data-critical': attempt.critical ? 'true' : undefined,
          'data-testid': 'run-timeline-bar',
          onMouseEnter: hover,
          onMouseMove: hover,
          onMouseLeave: () => onHover(null),
        };
        return attempt.argoUrl ? (
          <a key={attempt.nodeId} href={attempt.argoUrl} target="_blank" rel="noopener noreferrer" {...common} />
        ) : (
          <div key={attempt.nodeId} role="img" {...common} />
        );
      })}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  bar: css({
    position: 'absolute',
    top: 4,
    bottom: 4,
    borderRadius: theme.shape.radius.default,
    // attempts that touch stay apart
    boxShadow: `inset -1px 0 0 ${theme.colors.background.primary}`,
    cursor: 'default',
    'a&': { cursor: 'pointer' },
  }),
  critical: css({ outlineWidth: 2, outlineStyle: 'solid', outlineOffset: 1, zIndex: 1 }),
  running: css({ backgroundImage: `linear-gradient(90deg, transparent 70%, ${theme.colors.background.primary} 140%)` }),
  notStarted: css({
    position: 'absolute',
    left: theme.spacing(0.5),
    color: theme.colors.text.disabled,
    fontStyle: 'italic',
    fontSize: theme.typography.bodySmall.fontSize,
  }),
});
