import React from 'react';
import { Field, FieldSet, TagsInput } from '@grafana/ui';

import { testIds } from '../../testIds';
import { configText } from './configText';
import type { SettingsEditing } from './settingsEditing';

const text = configText.namespaces;

/** The namespaces this datasource may read (multi-tenancy); empty means all. */
export function NamespacesSection({ editing }: { editing: SettingsEditing }) {
  const error = editing.problems.fields.namespaces;
  return (
    <FieldSet label={text.title}>
      <div data-testid={testIds.configEditor.namespaces}>
        <Field label={text.label} description={text.description} invalid={Boolean(error)} error={error}>
          <TagsInput
            tags={editing.jsonData.namespaces ?? []}
            placeholder={text.placeholder}
            addOnBlur
            autoColors={false}
            invalid={Boolean(error)}
            onChange={(tags) => editing.updateJsonData({ namespaces: tags.length > 0 ? tags : undefined })}
          />
        </Field>
      </div>
    </FieldSet>
  );
}
