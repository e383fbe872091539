import React from 'react';
import { InlineField, InlineFieldRow, Input } from '@grafana/ui';

import type { TimelineQuery } from '../../../query/timelineQuery';
import { testIds } from '../../testIds';
import { queryText } from './queryText';
import { SourceField } from './SourceField';
import type { SectionProps } from './sectionProps';

const text = queryText.timeline;

/** timeline: one run by name (with its namespace among the filters) or by uid, and the source. */
export function TimelineSection({ shown, query, change, invalid }: SectionProps<TimelineQuery>) {
  return (
    <InlineFieldRow>
      <InlineField label={text.run.label} tooltip={text.run.tooltip} labelWidth={14} invalid={invalid('run')}>
        <Input
          width={30}
          value={query.run ?? ''}
          placeholder={text.run.placeholder}
          data-testid={testIds.queryEditor.timelineRun}
          // Written as typed, run once the user leaves the field.
          onChange={(event) => change({ run: event.currentTarget.value || undefined }, false)}
          onBlur={() => change({})}
        />
      </InlineField>
      <InlineField label={text.uid.label} tooltip={text.uid.tooltip} invalid={invalid('uid')}>
        <Input
          width={38}
          value={query.uid ?? ''}
          placeholder={text.uid.placeholder}
          data-testid={testIds.queryEditor.timelineUid}
          onChange={(event) => change({ uid: event.currentTarget.value || undefined }, false)}
          onBlur={() => change({})}
        />
      </InlineField>
      <SourceField value={shown.source} onChange={(source) => change({ source })} />
    </InlineFieldRow>
  );
}
