import type { ComboboxOption } from '@grafana/ui';

import { GROUP_KEYS, NODE_ONLY_GROUP_KEYS, type GroupKey } from '../../../query/groupBy';
import { PLAIN_STATS, percentileOf, type Stat } from '../../../query/stats';
import { queryText } from './queryText';

export const GROUP_BY_OPTIONS: Array<ComboboxOption<string>> = GROUP_KEYS.map((key) => ({
  value: key,
  label: queryText.groupBy.options[key],
  description: NODE_ONLY_GROUP_KEYS.includes(key) ? queryText.groupBy.stepsOnly : undefined,
}));

const PERCENTILES = ['p50', 'p90', 'p95', 'p99'];

export const STAT_OPTIONS: Array<ComboboxOption<string>> = [
  ...PERCENTILES.map((p) => ({ value: p, label: queryText.stats.percentile(p.slice(1)) })),
  ...PLAIN_STATS.map((stat) => ({ value: stat, label: queryText.stats.options[stat] })),
];

/** Argo's phases of workflows and of their nodes. */
export const PHASES = ['Pending', 'Running', 'Succeeded', 'Failed', 'Error', 'Skipped', 'Omitted'];

/** A typed group key: a known key as is; anything else is taken as a workflow label key (team → label:team). */
export function toGroupKey(text: string): GroupKey {
  const key = text.trim();
  if ((GROUP_KEYS as readonly string[]).includes(key) || key.startsWith('label:')) {
    return key as GroupKey;
  }
  return `label:${key}`;
}

/** A typed statistic: a bare number is a percentile (99.9 → p99.9); the rest is kept for validation to judge. */
export function toStat(text: string): Stat {
  const stat = text.trim();
  if (/^\d+(\.\d+)?$/.test(stat)) {
    return `p${Number(stat)}`;
  }
  return stat as Stat;
}

/** Label shown for a group key or stat that is not in the option lists (custom label keys, pNN). */
export function describeCustom(value: string): ComboboxOption<string> {
  if (value.startsWith('label:')) {
    return { value, label: value, description: queryText.groupBy.labelKey };
  }
  const p = percentileOf(value);
  return p === undefined ? { value } : { value, label: queryText.stats.percentile(String(p)) };
}
