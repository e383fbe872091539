import React from 'react';
import { Field, Input } from '@grafana/ui';

import type { ArgoPerfJsonData } from '../../types';
import { testIds } from '../../testIds';
import { configText } from './configText';
import { ElasticsearchAuthFields } from './ElasticsearchAuthFields';
import { FieldMappingSection } from './FieldMappingSection';
import { OptionalServiceSection } from './OptionalServiceSection';
import { SectionProblems } from './SectionProblems';
import { elasticsearchDefaults } from './settingsDefaults';
import type { SettingsEditing } from './settingsEditing';
import { TimeoutField } from './TimeoutField';
import { TlsFields } from './TlsFields';

type ElasticsearchSettings = NonNullable<ArgoPerfJsonData['elasticsearch']>;

const text = configText.elasticsearch;
const ids = testIds.configEditor;

export function ElasticsearchSection({ editing }: { editing: SettingsEditing }) {
  const es = editing.jsonData.elasticsearch;
  const { fields } = editing.problems;
  const update = (patch: Partial<ElasticsearchSettings>) =>
    editing.updateJsonData({ elasticsearch: { ...elasticsearchDefaults, ...es, ...patch } });

  return (
    <OptionalServiceSection
      title={text.title}
      description={text.description}
      enabledLabel={text.enabled}
      enabled={Boolean(es)}
      switchTestId={ids.elasticsearchEnabled}
      onToggle={(enabled) =>
        editing.updateJsonData({ elasticsearch: enabled ? { ...elasticsearchDefaults } : undefined })
      }
    >
      {es && (
        <>
          <Field
            label={text.url.label}
            description={text.url.description}
            invalid={Boolean(fields['elasticsearch.url'])}
            error={fields['elasticsearch.url']}
            required
          >
            <Input
              width={60}
              value={es.url}
              placeholder={text.url.placeholder}
              data-testid={ids.elasticsearchUrl}
              onChange={(event) => update({ url: event.currentTarget.value })}
            />
          </Field>
          <Field
            label={text.index.label}
            description={text.index.description}
            invalid={Boolean(fields['elasticsearch.index'])}
            error={fields['elasticsearch.index']}
          >
            <Input
              width={40}
              value={es.index ?? ''}
              data-testid={ids.elasticsearchIndex}
              onChange={(event) => update({ index: event.currentTarget.value })}
            />
          </Field>
          <Field
            label={text.stateIndex.label}
            description={text.stateIndex.description}
            invalid={Boolean(fields['elasticsearch.stateIndex'])}
            error={fields['elasticsearch.stateIndex']}
          >
            <Input
              width={40}
              value={es.stateIndex ?? ''}
              placeholder={elasticsearchDefaults.stateIndex}
              data-testid={ids.elasticsearchStateIndex}
              onChange={(event) => update({ stateIndex: event.currentTarget.value })}
            />
          </Field>
          <ElasticsearchAuthFields
            editing={editing}
            auth={es.auth ?? elasticsearchDefaults.auth}
            username={es.username}
            onChange={update}
          />
          <SectionProblems messages={editing.problems.elasticsearch} />
          <TlsFields
            skipVerify={es.tlsSkipVerify ?? false}
            onSkipVerifyChange={(tlsSkipVerify) => update({ tlsSkipVerify })}
            caCert={editing.secret('elasticsearchCaCert')}
            testIds={{ skipVerify: ids.elasticsearchSkipVerify, caCert: ids.elasticsearchCaCert }}
          />
          <TimeoutField
            value={es.timeoutSeconds}
            onChange={(timeoutSeconds) => update({ timeoutSeconds })}
            error={fields['elasticsearch.timeoutSeconds']}
            testId={ids.elasticsearchTimeout}
          />
          <FieldMappingSection
            value={es.fieldMapping}
            problems={fields}
            onChange={(fieldMapping) => update({ fieldMapping })}
          />
        </>
      )}
    </OptionalServiceSection>
  );
}
