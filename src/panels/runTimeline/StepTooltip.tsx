import React from 'react';
import { css } from '@emotion/css';
import { dateTimeFormat, type GrafanaTheme2 } from '@grafana/data';
import { Portal, useStyles2, VizTooltipContainer } from '@grafana/ui';

import { durationText } from './timeScale';
import { TEXT } from './text';
import type { StepAttempt } from './types';

interface Props {
  attempt: StepAttempt;
  attempts: number;
  position: { x: number; y: number };
  timeZone?: string;
}

/** What one bar is: phase, attempt, times, slack, where it ran and Argo's message. */
export function StepTooltip({ attempt, attempts, position, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const time = (ms: number | null) => (ms === null ? null : dateTimeFormat(ms, { timeZone }));
  const running = attempt.end === null && attempt.start !== null;
  const lines: Array<[string, string | null]> = [
    [TEXT.tooltip.phase, attempt.phase],
    [
      TEXT.tooltip.attempt,
      attempt.attempt === null ? null : `${attempt.attempt} (${attempts} ${attempts === 1 ? 'attempt' : 'attempts'})`,
    ],
    [
      TEXT.tooltip.duration,
      attempt.duration === null
        ? null
        : `${durationText(attempt.duration)}${running ? ` (${TEXT.tooltip.running})` : ''}`,
    ],
    [TEXT.tooltip.start, time(attempt.start)],
    [TEXT.tooltip.end, time(attempt.end)],
    [
      TEXT.tooltip.slack,
      attempt.slack === null ? null : attempt.critical ? `0s, ${TEXT.tooltip.critical}` : durationText(attempt.slack),
    ],
    [TEXT.tooltip.pod, attempt.pod],
    [TEXT.tooltip.host, attempt.host],
    [TEXT.tooltip.message, attempt.message],
  ];
  return (
    <Portal>
      <VizTooltipContainer position={position} offset={{ x: 12, y: 12 }}>
        <div className={styles.box} data-testid="run-timeline-tooltip">
          <div className={styles.title}>{attempt.step}</div>
          <table className={styles.table}>
            <tbody>
              {lines
                .filter(([, value]) => value !== null)
                .map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>{value}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {attempt.argoUrl && <div className={styles.hint}>{TEXT.openInArgo}</div>}
        </div>
      </VizTooltipContainer>
    </Portal>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ maxWidth: 420, fontSize: theme.typography.bodySmall.fontSize }),
  title: css({
    fontWeight: theme.typography.fontWeightMedium,
    marginBottom: theme.spacing(0.5),
    wordBreak: 'break-all',
  }),
  table: css({
    th: {
      color: theme.colors.text.secondary,
      fontWeight: 'normal',
      paddingRight: theme.spacing(1),
      verticalAlign: 'top',
      whiteSpace: 'nowrap',
    },
    td: { wordBreak: 'break-word' },
  }),
  hint: css({ color: theme.colors.text.secondary, marginTop: theme.spacing(0.5) }),
});
