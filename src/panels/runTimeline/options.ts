/** The panel's options (panel editor), with their defaults. */
export type GroupBy = 'none' | 'stepName' | 'template' | 'group';
export type SortBy = 'start' | 'duration' | 'name';

export interface RunTimelineOptions {
  groupBy: GroupBy;
  sortBy: SortBy;
  criticalOnly: boolean;
  /** Groups with more steps than this start collapsed (a fan-out of thousands reads as one summary bar). */
  collapseAbove: number;
}

export const DEFAULT_OPTIONS: RunTimelineOptions = {
  groupBy: 'stepName',
  sortBy: 'start',
  criticalOnly: false,
  collapseAbove: 100,
};

export const GROUP_BY_CHOICES: Array<{ value: GroupBy; label: string; description: string }> = [
  { value: 'none', label: 'None', description: 'One list of steps' },
  {
    value: 'stepName',
    label: 'Step name',
    description: 'Loop items and retries of a step together (shard(0), shard(1), ...)',
  },
  { value: 'template', label: 'Template', description: 'Steps that run the same template together' },
  { value: 'group', label: 'Nested steps/DAG', description: 'By the steps or DAG template the step belongs to' },
];

export const SORT_BY_CHOICES: Array<{ value: SortBy; label: string }> = [
  { value: 'start', label: 'Start time' },
  { value: 'duration', label: 'Longest first' },
  { value: 'name', label: 'Name' },
];
