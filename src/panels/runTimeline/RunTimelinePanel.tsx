import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2, type PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';

import { DEFAULT_OPTIONS, type RunTimelineOptions } from './options';
import { readTimeline } from './readFrame';
import { TimelineView } from './TimelineView';
import { TEXT } from './text';

/** The run timeline: the timeline frame drawn as a Gantt, or a message that says what is missing. */
export function RunTimelinePanel({ data, options, width, height, timeZone }: PanelProps<RunTimelineOptions>) {
  const styles = useStyles2(getStyles);
  const read = useMemo(() => readTimeline(data.series), [data.series]);
  // Without frames, the query's own error (an unknown run, a bad setting) says more than "choose a run".
  const queryError = data.series.length === 0 ? data.errors?.[0]?.message : undefined;
  const merged = useMemo(() => ({ ...DEFAULT_OPTIONS, ...options }), [options]);
  if ('problem' in read) {
    return (
      <div className={styles.message} role="status" style={{ width, height }}>
        {queryError ?? read.problem}
      </div>
    );
  }
  if (!read.timeline.attempts.length) {
    return (
      <div className={styles.message} role="status" style={{ width, height }}>
        {TEXT.emptyRun(read.timeline.run.name)}
      </div>
    );
  }
  return <TimelineView timeline={read.timeline} options={merged} width={width} height={height} timeZone={timeZone} />;
}

const getStyles = (theme: GrafanaTheme2) => ({
  message: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    padding: theme.spacing(2),
    color: theme.colors.text.secondary,
  }),
});
