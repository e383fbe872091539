import { PanelPlugin } from '@grafana/data';

import { DEFAULT_OPTIONS, GROUP_BY_CHOICES, SORT_BY_CHOICES, type RunTimelineOptions } from './options';
import { RunTimelinePanel } from './RunTimelinePanel';

export const plugin = new PanelPlugin<RunTimelineOptions>(RunTimelinePanel).setPanelOptions((builder) =>
  builder
    // a select: four choices do not fit a radio group in the options pane
    .addSelect({
      path: 'groupBy',
      name: 'Group by',
      description: 'Steps of a group share a header line that collapses them.',
      defaultValue: DEFAULT_OPTIONS.groupBy,
      settings: { options: GROUP_BY_CHOICES },
    })
    .addRadio({
      path: 'sortBy',
      name: 'Sort',
      defaultValue: DEFAULT_OPTIONS.sortBy,
      settings: { options: SORT_BY_CHOICES },
    })
    .addBooleanSwitch({
      path: 'criticalOnly',
      name: 'Critical path only',
      description: 'Only the steps whose durations set the run’s end.',
      defaultValue: DEFAULT_OPTIONS.criticalOnly,
    })
    .addNumberInput({
      path: 'collapseAbove',
      name: 'Collapse groups larger than',
      description: 'Groups with more steps start collapsed (their line shows the group’s span).',
      defaultValue: DEFAULT_OPTIONS.collapseAbove,
      settings: { min: 0, integer: true },
    })
);
