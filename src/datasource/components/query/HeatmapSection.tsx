import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import type { HeatmapQuery } from '../../../query/heatmapQuery';
import { LevelField } from './LevelField';
import type { SectionProps } from './sectionProps';

/** heatmap: whole runs or steps; the duration bands are fixed (log-spaced), the rest is filters. */
export function HeatmapSection({ shown, change }: SectionProps<HeatmapQuery>) {
  return (
    <InlineFieldRow>
      <LevelField value={shown.level} onChange={(level) => change({ level })} />
    </InlineFieldRow>
  );
}
