import React from 'react';
import { Field, FieldSet, Input, Switch, Text } from '@grafana/ui';

import type { ArgoPerfJsonData } from '../../types';
import { testIds } from '../../testIds';
import { configText } from './configText';
import { ElasticsearchAuthFields } from './ElasticsearchAuthFields';
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
    <FieldSet label={text.title}>
      <Text element="p" color="secondary">
        {text.description}
      </Text>
      <Field label={text.enabled}>
        <Switch
          value={Boolean(es)}
          data-testid={ids.elasticsearchEnabled}
          onChange={(event) =>
            editing.updateJsonData({
              elasticsearch: event.currentTarget.checked ? { ...elasticsearchDefaults } : undefined,
            })
          }
        />
      </Field>
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
        </>
      )}
    </FieldSet>
  );
}
