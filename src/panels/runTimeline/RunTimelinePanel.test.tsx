import React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { createDataFrame, createTheme, FieldType } from '@grafana/data';

import { emptyRun, fanOut, nightlyTraining } from './testing/goldenFrames';
import { RunTimelinePanel } from './RunTimelinePanel';
import { panelProps } from './testing/panelProps';
import { renderPanel } from './testing/renderPanel';
import { TEXT } from './text';

// Grafana's tooltip container measures itself; jsdom has no ResizeObserver.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
Object.assign(global, { ResizeObserver: global.ResizeObserver ?? NoResizeObserver });

const bars = () => screen.getAllByTestId('run-timeline-bar');
const barOf = (name: RegExp) => bars().find((bar) => name.test(bar.getAttribute('aria-label') ?? ''))!;
const px = (bar: HTMLElement, side: 'left' | 'width') => parseFloat(bar.style[side]);
const stepLabels = () => screen.getAllByTestId('run-timeline-step').map((row) => row.firstElementChild!.textContent);

/** #rrggbb (Grafana's palette) as jsdom writes a colour back: rgb(r, g, b). */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('run timeline panel: one run', () => {
  test('one line per step, a retried step keeps one line with its attempts side by side, in start order', () => {
    renderPanel([nightlyTraining()], { groupBy: 'none' });
    // 8 attempts in the frame: train(0) and train(1) share the line of train
    expect(stepLabels()).toEqual(['fetch-data', 'lint-config', 'preprocess', 'train', 'evaluate', 'publish', 'notify']);
    const trainLine = screen.getAllByTestId('run-timeline-step')[3];
    expect(
      within(trainLine)
        .getAllByTestId('run-timeline-bar')
        .map((bar) => bar.getAttribute('data-phase'))
    ).toEqual(['Failed', 'Succeeded']);
    // the skipped step has no bar, its phase in words
    const notify = screen.getAllByTestId('run-timeline-step')[6];
    expect(within(notify).queryByTestId('run-timeline-bar')).toBeNull();
    expect(notify).toHaveTextContent('skipped');
  });

  test('bars sit where their times are (positions relative to each other, whatever the track width)', () => {
    renderPanel([nightlyTraining()], { groupBy: 'none' });
    const fetch = barOf(/^fetch-data/);
    const preprocess = barOf(/^preprocess/);
    const retry = barOf(/^train\(1\)/);
    expect(px(fetch, 'left')).toBeCloseTo(0, 5);
    // preprocess: 120 s to 600 s; train(1): 1530 s to 2700 s; fetch-data: 0 to 120 s
    expect(px(retry, 'left') / px(preprocess, 'left')).toBeCloseTo(1530 / 120, 5);
    expect(px(preprocess, 'width') / px(fetch, 'width')).toBeCloseTo(480 / 120, 5);
    expect(px(retry, 'width') / px(fetch, 'width')).toBeCloseTo(1170 / 120, 5);
  });

  test("bars have their phase's colour of Grafana's palette", () => {
    renderPanel([nightlyTraining()], { groupBy: 'none' });
    const theme = createTheme({ colors: { mode: 'dark' } });
    expect(barOf(/^train\(0\)/).style.background).toBe(rgb(theme.visualization.getColorByName('red')));
    expect(barOf(/^evaluate/).style.background).toBe(rgb(theme.visualization.getColorByName('green')));
  });

  test('the critical path is marked on its bars and lines, and summed up in the legend', () => {
    renderPanel([nightlyTraining()], { groupBy: 'none' });
    const critical = bars()
      .filter((bar) => bar.getAttribute('data-critical') === 'true')
      .map((bar) => bar.getAttribute('aria-label')!.split(':')[0]);
    expect(critical).toEqual([
      'fetch-data',
      'preprocess',
      'train(0) attempt 0',
      'train(1) attempt 1',
      'evaluate',
      'publish',
    ]);
    expect(screen.getByTestId('run-timeline-legend')).toHaveTextContent('critical path: 6 steps, 50m');
  });

  test('"critical path only" leaves the steps on the path, all attempts of a retried one', () => {
    renderPanel([nightlyTraining()], { groupBy: 'none', criticalOnly: true });
    expect(stepLabels()).toEqual(['fetch-data', 'preprocess', 'train', 'evaluate', 'publish']);
    expect(bars()).toHaveLength(6);
  });

  test('hovering a bar shows its phase, attempt, duration, slack, pod, host and message', () => {
    renderPanel([nightlyTraining()], { groupBy: 'none' });
    fireEvent.mouseEnter(barOf(/^train\(0\)/), { clientX: 100, clientY: 50 });
    const tooltip = screen.getByTestId('run-timeline-tooltip');
    expect(tooltip).toHaveTextContent('train(0)');
    expect(tooltip).toHaveTextContent('PhaseFailed');
    expect(tooltip).toHaveTextContent('Attempt0 (2 attempts)');
    expect(tooltip).toHaveTextContent('Duration15m'); // 600 s to 1500 s
    expect(tooltip).toHaveTextContent(`Slack0s, ${TEXT.tooltip.critical}`);
    expect(tooltip).toHaveTextContent('Podnightly-training-x7k2p-train-4');
    expect(tooltip).toHaveTextContent('Hostspot-node-7');
    expect(tooltip).toHaveTextContent('Messagepod deleted: spot instance reclaimed');
    expect(tooltip).toHaveTextContent('Start2026-12-01 02:10:00');
    fireEvent.mouseLeave(barOf(/^train\(0\)/));
    expect(screen.queryByTestId('run-timeline-tooltip')).toBeNull();

    fireEvent.mouseEnter(barOf(/^lint-config/), { clientX: 100, clientY: 50 });
    expect(screen.getByTestId('run-timeline-tooltip')).toHaveTextContent('Slack7m'); // 420 s
  });

  test('a bar with an Argo UI address opens the step there; without one it is no link', () => {
    renderPanel([nightlyTraining()], { groupBy: 'none' });
    const preprocess = barOf(/^preprocess/);
    expect(preprocess.tagName).toBe('A');
    expect(preprocess).toHaveAttribute(
      'href',
      'https://argo.example.com/workflows/ml-training/nightly-training-x7k2p?nodeId=n2'
    );
    expect(preprocess).toHaveAttribute('target', '_blank');
    expect(barOf(/^publish/).tagName).toBe('DIV');
    expect(screen.getAllByRole('link')).toHaveLength(6);
  });

  test('sorting: longest first and by name (numbers in names in numeric order)', () => {
    const { unmount } = renderPanel([nightlyTraining()], { groupBy: 'none', sortBy: 'duration' });
    // spans: train 600→2700, preprocess 480, evaluate 240, fetch-data 120, lint 60, publish 60, notify none
    expect(stepLabels()).toEqual(['train', 'preprocess', 'evaluate', 'fetch-data', 'lint-config', 'publish', 'notify']);
    unmount();
    renderPanel([fanOut(12)], { groupBy: 'none', sortBy: 'name' });
    expect(stepLabels().slice(0, 4)).toEqual(['fetch-data', 'shard(0:part-0)', 'shard(1:part-1)', 'shard(2:part-2)']);
    expect(stepLabels()[12]).toBe('shard(11:part-11)');
  });
});

describe('run timeline panel: thousands of steps', () => {
  test('only the lines in view are in the page', () => {
    renderPanel([fanOut(9000)], { groupBy: 'none' }, { width: 1200, height: 600 });
    const lines = screen.getAllByTestId('run-timeline-step').length;
    expect(lines).toBeGreaterThan(5);
    expect(lines).toBeLessThan(100);
    expect(stepLabels()[0]).toBe('fetch-data');
  });

  test('a group larger than the threshold starts collapsed, with its count; it opens and closes', () => {
    renderPanel([fanOut(150)], { groupBy: 'stepName', collapseAbove: 100 });
    const groups = screen.getAllByTestId('run-timeline-group');
    // grouped by step name, fetch-data is a group of one step: its own line, with no header repeating its name
    expect(groups.map((group) => group.textContent)).toEqual(['▸ shard 150 steps']);
    expect(stepLabels()).toEqual(['fetch-data']);
    act(() => fireEvent.click(screen.getByRole('button', { name: TEXT.expand('shard') })));
    expect(screen.getAllByTestId('run-timeline-step').length).toBeGreaterThan(5);
    act(() => fireEvent.click(screen.getByRole('button', { name: TEXT.collapse('shard') })));
    expect(stepLabels()).toEqual(['fetch-data']);
  });

  test('grouped by template, the running step is drawn up to now (its duration so far)', () => {
    renderPanel([fanOut(3, { runningFor: 600 })], { groupBy: 'template', collapseAbove: 100 });
    // grouped by template, a one-step group keeps its header: it names the template
    expect(screen.getAllByTestId('run-timeline-group').map((group) => group.textContent)).toEqual(['▾ fetch-data 1 step', '▾ process-shard 3 steps']);
    const running = bars().find((bar) => bar.getAttribute('data-phase') === 'Running')!;
    const fetch = barOf(/^fetch-data/);
    expect(px(running, 'width') / px(fetch, 'width')).toBeCloseTo(600 / 60, 5);
    expect(running.getAttribute('data-critical')).toBe('true');
  });
});

describe('run timeline panel: nothing to draw says why', () => {
  test('no data', () => {
    renderPanel([]);
    expect(screen.getByRole('status')).toHaveTextContent(TEXT.noData);
  });

  test('the query\'s error, when there is one, rather than "choose a run"', () => {
    const props = panelProps([]);
    props.data.errors = [{ refId: 'A', message: 'run: no run "no-such-run" in the namespaces data' }];
    render(<RunTimelinePanel {...props} />);
    expect(screen.getByRole('status')).toHaveTextContent('run: no run "no-such-run" in the namespaces data');
  });

  test('a run without steps yet', () => {
    renderPanel([emptyRun()]);
    expect(screen.getByRole('status')).toHaveTextContent('The run daily-report-29mfz has no steps yet.');
  });

  test('a frame of another query names the fields it lacks', () => {
    const other = createDataFrame({
      name: 'runs',
      fields: [
        { name: 'step', type: FieldType.string, values: ['a'] },
        { name: 'duration', type: FieldType.number, values: [1] },
      ],
    });
    renderPanel([other]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'The timeline frame lacks the fields "phase", "start", "end", "critical", "nodeId"'
    );
  });

  test('a frame with no fields at all', () => {
    renderPanel([createDataFrame({ fields: [] })]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'lacks the fields "step", "phase", "start", "end", "critical", "nodeId"'
    );
  });

  test('a field of the wrong type is named with the type it should have', () => {
    const frame = nightlyTraining();
    const start = frame.fields.find((field) => field.name === 'start')!;
    start.type = FieldType.string;
    start.values = start.values.map(String);
    renderPanel([frame]);
    expect(screen.getByRole('status')).toHaveTextContent('The field "start" should be a time but is string.');
  });

  test('"critical path only" on a run without a critical path says so', () => {
    renderPanel(
      [fanOut(3)].map((frame) => {
        frame.fields.find((field) => field.name === 'critical')!.values.fill(false);
        return frame;
      }),
      { criticalOnly: true }
    );
    expect(screen.getByText(TEXT.noCriticalSteps)).toBeInTheDocument();
  });
});
