import { getDefaultTimeRange, LoadingState, type DataFrame, type PanelProps } from '@grafana/data';

import { DEFAULT_OPTIONS, type RunTimelineOptions } from '../options';

/** The panel as Grafana mounts it: these frames as its data, these options, this size. */
export function panelProps(
  series: DataFrame[],
  options: Partial<RunTimelineOptions> = {},
  size = { width: 1000, height: 400 }
): PanelProps<RunTimelineOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    id: 1,
    data: { series, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...DEFAULT_OPTIONS, ...options },
    transparent: false,
    width: size.width,
    height: size.height,
    fieldConfig: { defaults: {}, overrides: [] },
    renderCounter: 0,
    title: 'Run timeline',
    eventBus: { publish: () => undefined } as unknown as PanelProps['eventBus'],
    onOptionsChange: () => undefined,
    onFieldConfigChange: () => undefined,
    replaceVariables: (value: string) => value,
    onChangeTimeRange: () => undefined,
  } as PanelProps<RunTimelineOptions>;
}
