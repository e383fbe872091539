import React from 'react';

import { SOURCES, type Source } from '../../../query/model';
import { testIds } from '../../testIds';
import { queryText } from './queryText';
import { RadioField } from './RadioField';

const text = queryText.source;
const OPTIONS = SOURCES.map((value) => ({ value, label: text.options[value] }));

/** Where a query type that both sources answer reads its runs. */
export function SourceField({ value, onChange }: { value: Source; onChange: (source: Source) => void }) {
  return (
    <RadioField<Source>
      label={text.label}
      tooltip={text.tooltip}
      options={OPTIONS}
      value={value}
      onChange={onChange}
      testId={testIds.queryEditor.source}
    />
  );
}
