// The browser harness page: mounts the run timeline panel with Grafana's theme and a golden frame, as the
// browser test and the benchmark ask (window.harness.mount), and says how long the first render took.
import React, { Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createDataFrame, createTheme, FieldType, type DataFrame } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';

import type { RunTimelineOptions } from '../options';
import { RunTimelinePanel } from '../RunTimelinePanel';
import { emptyRun, fanOut, nightlyTraining } from '../testing/goldenFrames';
import { panelProps } from '../testing/panelProps';
import type { HarnessFrame, MountSpec } from './harnessApi';

const FRAMES: Record<HarnessFrame, () => DataFrame[]> = {
  nightly: () => [nightlyTraining()],
  fanOut9000: () => [fanOut(9000)],
  empty: () => [emptyRun()],
  foreign: () => [
    createDataFrame({
      name: 'runs',
      fields: [{ name: 'workflow', type: FieldType.string, values: ['nightly-training'] }],
    }),
  ],
  none: () => [],
};

let root: Root | undefined;
let renderWork = 0;
const countWork = (_id: string, _phase: string, actualDuration: number) => {
  renderWork += actualDuration;
};

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Mounts the panel; resolves with the ms from render to the second painted frame after it. */
async function mount(spec: MountSpec): Promise<number> {
  const series = FRAMES[spec.frame]();
  const theme = createTheme({ colors: { mode: spec.theme } });
  Object.assign(document.body.style, {
    margin: '0',
    padding: '16px',
    background: theme.colors.background.canvas,
    color: theme.colors.text.primary,
    fontFamily: theme.typography.fontFamily,
    fontSize: `${theme.typography.fontSize}px`,
  });
  root?.unmount();
  const container = document.getElementById('root')!;
  Object.assign(container.style, {
    background: theme.colors.background.primary,
    width: `${spec.width}px`,
    padding: '8px',
    border: `1px solid ${theme.colors.border.weak}`,
  });
  root = createRoot(container);
  const started = performance.now();
  root.render(
    <ThemeContext.Provider value={theme}>
      <Profiler id="run-timeline" onRender={countWork}>
        <RunTimelinePanel
          {...panelProps(series, spec.options as Partial<RunTimelineOptions>, {
            width: spec.width,
            height: spec.height,
          })}
        />
      </Profiler>
    </ThemeContext.Provider>
  );
  await nextFrame();
  await nextFrame();
  return performance.now() - started;
}

async function scrollTo(fraction: number): Promise<number> {
  const list = document.querySelector<HTMLElement>('[data-testid="run-timeline-rows"]')!;
  const started = performance.now();
  list.scrollTop = (list.scrollHeight - list.clientHeight) * fraction;
  await nextFrame();
  await nextFrame();
  return performance.now() - started;
}

async function hoverBar(index: number): Promise<number> {
  const bars = document.querySelectorAll<HTMLElement>('[data-testid="run-timeline-bar"]');
  const bar = bars[index % bars.length];
  const box = bar.getBoundingClientRect();
  const at = { bubbles: true, clientX: box.left + 1, clientY: box.top + 1 };
  const started = performance.now();
  // React's onMouseEnter comes from mouseover (from outside the page: no relatedTarget)
  bar.dispatchEvent(new MouseEvent('mouseover', at));
  await nextFrame();
  await nextFrame();
  return document.querySelector('[data-testid="run-timeline-tooltip"]') ? performance.now() - started : -1;
}

window.harness = {
  mount,
  scrollTo,
  hoverBar,
  takeRenderWork: () => {
    const work = renderWork;
    renderWork = 0;
    return work;
  },
  themeColor: (mode, name) => createTheme({ colors: { mode } }).visualization.getColorByName(name),
  panelBackground: (mode) => createTheme({ colors: { mode } }).colors.background.primary,
  ready: true,
};
