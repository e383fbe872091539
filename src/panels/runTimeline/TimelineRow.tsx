import React from 'react';
import { css, cx } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';

import { criticalColor } from './phaseColors';
import type { GroupRow, Row } from './rows';
import { StepBars, type HoverHandler, type Scale } from './StepBars';
import { TEXT } from './text';

export const ROW_HEIGHT = 22;

interface Props {
  row: Row;
  scale: Scale;
  labelWidth: number;
  onHover: HoverHandler;
  onToggle: (key: string) => void;
}

/** One line: the step's (or group's) name on the left, its bars on the time track. */
export function TimelineRow({ row, scale, labelWidth, onHover, onToggle }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const critical = row.critical ? { borderLeftColor: criticalColor(theme) } : undefined;
  return (
    <div
      className={cx(styles.row, row.kind === 'group' && styles.groupRow)}
      data-testid={`run-timeline-${row.kind}`}
      data-critical={row.critical ? 'true' : undefined}
    >
      <div
        className={cx(styles.label, row.kind === 'step' && row.grouped && styles.indented)}
        style={{ width: labelWidth, ...critical }}
        title={row.label}
      >
        {row.kind === 'group' ? <GroupToggle row={row} onToggle={onToggle} /> : row.label}
      </div>
      <div className={styles.track}>
        {row.kind === 'step' ? (
          <StepBars row={row} scale={scale} onHover={onHover} />
        ) : (
          <GroupSpan row={row} scale={scale} />
        )}
      </div>
    </div>
  );
}

function GroupToggle({ row, onToggle }: { row: GroupRow; onToggle: (key: string) => void }) {
  const styles = useStyles2(getStyles);
  return (
    <button
      type="button"
      className={styles.toggle}
      aria-expanded={!row.collapsed}
      aria-label={(row.collapsed ? TEXT.expand : TEXT.collapse)(row.label)}
      onClick={() => onToggle(row.key)}
    >
      <span aria-hidden>{row.collapsed ? '▸' : '▾'}</span> <strong>{row.label}</strong>{' '}
      <span className={styles.count}>{TEXT.groupSteps(row.steps)}</span>
    </button>
  );
}

function GroupSpan({ row, scale }: { row: GroupRow; scale: Scale }) {
  const styles = useStyles2(getStyles);
  if (row.start === null) {
    return null;
  }
  const left = (row.start - scale.from) / scale.msPerPixel;
  const width = Math.max(2, ((row.end ?? row.start) - row.start) / scale.msPerPixel);
  return <div className={styles.groupSpan} style={{ left, width }} data-testid="run-timeline-group-span" />;
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({
    display: 'flex',
    height: ROW_HEIGHT,
    alignItems: 'stretch',
    '&:hover': { background: theme.colors.action.hover },
  }),
  groupRow: css({ background: theme.colors.background.secondary }),
  label: css({
    flex: 'none',
    boxSizing: 'border-box',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    lineHeight: `${ROW_HEIGHT}px`,
    paddingLeft: theme.spacing(0.5),
    paddingRight: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    borderLeft: '3px solid transparent',
  }),
  indented: css({ paddingLeft: theme.spacing(2.5) }),
  track: css({ position: 'relative', flex: 1, overflow: 'hidden' }),
  toggle: css({
    all: 'unset',
    cursor: 'pointer',
    width: '100%',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
  }),
  count: css({ color: theme.colors.text.secondary }),
  groupSpan: css({
    position: 'absolute',
    top: 8,
    bottom: 8,
    borderRadius: theme.shape.radius.default,
    background: theme.colors.border.strong,
  }),
});
