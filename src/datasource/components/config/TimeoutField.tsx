import React from 'react';

import { configText } from './configText';
import { NumberSettingField } from './NumberSettingField';

interface Props {
  value?: number;
  onChange: (seconds: number | undefined) => void;
  error?: string;
  testId: string;
}

/** Request timeout in whole seconds; an empty field falls back to the default. */
export function TimeoutField({ value, onChange, error, testId }: Props) {
  return (
    <NumberSettingField
      label={configText.timeout.label}
      description={configText.timeout.description}
      value={value}
      onChange={onChange}
      error={error}
      testId={testId}
    />
  );
}
