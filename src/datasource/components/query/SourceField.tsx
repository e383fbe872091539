import React from 'react';
import { InlineField, RadioButtonGroup } from '@grafana/ui';

import { SOURCES, type Source } from '../../../query/model';
import { testIds } from '../../testIds';
import { queryText } from './queryText';

const text = queryText.source;
const OPTIONS = SOURCES.map((value) => ({ value, label: text.options[value] }));

/** Where a query type that both sources answer reads its runs. */
export function SourceField({ value, onChange }: { value: Source; onChange: (source: Source) => void }) {
  return (
    <InlineField label={text.label} tooltip={text.tooltip} labelWidth={14}>
      <RadioButtonGroup<Source>
        options={OPTIONS}
        value={value}
        onChange={onChange}
        data-testid={testIds.queryEditor.source}
      />
    </InlineField>
  );
}
