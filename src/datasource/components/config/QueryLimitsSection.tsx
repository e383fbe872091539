import React from 'react';
import { FieldSet } from '@grafana/ui';

import { testIds } from '../../testIds';
import { configText } from './configText';
import { NumberSettingField } from './NumberSettingField';
import type { SettingsEditing } from './settingsEditing';

const text = configText.limits;

/** Guards the backend applies to every query of this datasource. */
export function QueryLimitsSection({ editing }: { editing: SettingsEditing }) {
  return (
    <FieldSet label={text.title}>
      <NumberSettingField
        label={text.maxRangeDays.label}
        description={text.maxRangeDays.description}
        value={editing.jsonData.maxRangeDays}
        onChange={(maxRangeDays) => editing.updateJsonData({ maxRangeDays })}
        error={editing.problems.fields.maxRangeDays}
        testId={testIds.configEditor.maxRangeDays}
        placeholder="400"
      />
    </FieldSet>
  );
}
