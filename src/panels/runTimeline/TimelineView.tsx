import React, { useCallback, useMemo, useRef, useState } from 'react';
import { css } from '@emotion/css';
import { type GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { useVirtualizer } from '@tanstack/react-virtual';

import { Legend } from './Legend';
import type { RunTimelineOptions } from './options';
import { layoutRows, timeDomain } from './rows';
import type { HoverHandler } from './StepBars';
import { StepTooltip } from './StepTooltip';
import { GridLines, TimeAxis } from './TimeAxis';
import { ROW_HEIGHT, TimelineRow } from './TimelineRow';
import { ticksFor } from './timeScale';
import { TEXT } from './text';
import type { Timeline } from './types';

interface Props {
  timeline: Timeline;
  options: RunTimelineOptions;
  width: number;
  height: number;
  timeZone?: string;
}

const HEADER_HEIGHT = 48;
const SCROLLBAR = 14;

/** The Gantt: legend, time axis, and only the lines in view (thousands of steps stay fast). */
export function TimelineView({ timeline, options, width, height, timeZone }: Props) {
  const styles = useStyles2(getStyles);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const [hover, setHover] = useState<Parameters<HoverHandler>[0]>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => layoutRows(timeline.attempts, options, toggled), [timeline.attempts, options, toggled]);
  const domain = useMemo(() => timeDomain(timeline.attempts, timeline.run), [timeline.attempts, timeline.run]);
  const labelWidth = Math.round(Math.min(280, Math.max(120, width * 0.3)));
  const trackWidth = Math.max(40, width - labelWidth - SCROLLBAR);
  const bodyHeight = Math.max(ROW_HEIGHT, height - HEADER_HEIGHT);
  const span = domain ? domain.to - domain.from : 1000;
  const scale = { from: domain?.from ?? 0, msPerPixel: span / trackWidth };
  const ticks = useMemo(() => ticksFor(span, trackWidth), [span, trackWidth]);

  // The React Compiler is not used here; the virtualizer's functions are read on each render as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width, height: bodyHeight },
  });
  const toggle = useCallback(
    (key: string) =>
      setToggled((previous) => {
        const next = new Set(previous);
        next.has(key) ? next.delete(key) : next.add(key);
        return next;
      }),
    []
  );

  return (
    <div className={styles.panel} style={{ width, height }}>
      <Legend timeline={timeline} />
      <TimeAxis ticks={ticks} msPerPixel={scale.msPerPixel} labelWidth={labelWidth} trackWidth={trackWidth} />
      {rows.length === 0 ? (
        <div className={styles.message}>
          {options.criticalOnly ? TEXT.noCriticalSteps : TEXT.emptyRun(timeline.run.name)}
        </div>
      ) : (
        <div className={styles.body}>
          <GridLines ticks={ticks} msPerPixel={scale.msPerPixel} labelWidth={labelWidth} />
          <div
            ref={scrollRef}
            className={styles.scroll}
            data-testid="run-timeline-rows"
            onScroll={() => setHover(null)}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => (
                <div
                  key={rows[item.index].key}
                  className={styles.line}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <TimelineRow
                    row={rows[item.index]}
                    scale={scale}
                    labelWidth={labelWidth}
                    onHover={setHover}
                    onToggle={toggle}
                  />
                </div>
              ))}
            </div>
          </div>
        </div>
      )}
      {hover && (
        <StepTooltip
          attempt={hover.attempt}
          attempts={hover.attempts}
          position={{ x: hover.x, y: hover.y }}
          timeZone={timeZone}
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
  body: css({ position: 'relative', flex: 1, minHeight: 0 }),
  scroll: css({ position: 'absolute', inset: 0, overflowY: 'auto', overflowX: 'hidden' }),
  line: css({ position: 'absolute', top: 0, left: 0, right: 0 }),
  message: css({ padding: theme.spacing(2), color: theme.colors.text.secondary }),
});
