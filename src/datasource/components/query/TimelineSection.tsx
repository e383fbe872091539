import React from 'react';
import { InlineFieldRow } from '@grafana/ui';

import type { TimelineQuery } from '../../../query/timelineQuery';
import { testIds } from '../../testIds';
import { queryText } from './queryText';
import { SourceField } from './SourceField';
import { TextField } from './TextField';
import type { SectionProps } from './sectionProps';

const text = queryText.timeline;

/** timeline: one run by name (with its namespace among the filters) or by uid, and the source. */
export function TimelineSection({ shown, query, change, invalid }: SectionProps<TimelineQuery>) {
  return (
    <InlineFieldRow>
      <TextField
        {...text.run}
        labelWidth={14}
        width={30}
        value={query.run ?? ''}
        testId={testIds.queryEditor.timelineRun}
        invalid={invalid('run')}
        onType={(run) => change({ run: run || undefined }, false)}
        onDone={() => change({})}
      />
      <TextField
        {...text.uid}
        width={38}
        value={query.uid ?? ''}
        testId={testIds.queryEditor.timelineUid}
        invalid={invalid('uid')}
        onType={(uid) => change({ uid: uid || undefined }, false)}
        onDone={() => change({})}
      />
      <SourceField value={shown.source} onChange={(source) => change({ source })} />
    </InlineFieldRow>
  );
}
