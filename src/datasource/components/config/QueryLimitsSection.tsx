import React from 'react';
import { Field, FieldSet, Input } from '@grafana/ui';

import { testIds } from '../../testIds';
import { configText } from './configText';
import type { SettingsEditing } from './settingsEditing';

const text = configText.limits;

/** Guards the backend applies to every query of this datasource. */
export function QueryLimitsSection({ editing }: { editing: SettingsEditing }) {
  const error = editing.problems.fields.maxRangeDays;
  return (
    <FieldSet label={text.title}>
      <Field label={text.maxRangeDays.label} description={text.maxRangeDays.description} invalid={Boolean(error)} error={error}>
        <Input
          type="number"
          width={12}
          min={1}
          value={editing.jsonData.maxRangeDays ?? ''}
          placeholder="400"
          data-testid={testIds.configEditor.maxRangeDays}
          onChange={(event) => {
            const value = event.currentTarget.value;
            editing.updateJsonData({ maxRangeDays: value === '' ? undefined : Number(value) });
          }}
        />
      </Field>
    </FieldSet>
  );
}
