import React from 'react';
import { Field, FieldSet, Input, SecretInput, Switch, Text } from '@grafana/ui';

import type { ArgoPerfJsonData } from '../../types';
import { testIds } from '../../testIds';
import { configText } from './configText';
import { SectionProblems } from './SectionProblems';
import { argoDefaults } from './settingsDefaults';
import type { SettingsEditing } from './settingsEditing';
import { TimeoutField } from './TimeoutField';
import { TlsFields } from './TlsFields';

type ArgoSettings = NonNullable<ArgoPerfJsonData['argo']>;

const text = configText.argo;
const ids = testIds.configEditor;

export function ArgoServerSection({ editing }: { editing: SettingsEditing }) {
  const argo = editing.jsonData.argo;
  const { fields } = editing.problems;
  const update = (patch: Partial<ArgoSettings>) =>
    editing.updateJsonData({ argo: { ...argoDefaults, ...argo, ...patch } });

  return (
    <FieldSet label={text.title}>
      <Text element="p" color="secondary">
        {text.description}
      </Text>
      <Field label={text.enabled}>
        <Switch
          value={Boolean(argo)}
          data-testid={ids.argoEnabled}
          onChange={(event) =>
            editing.updateJsonData({ argo: event.currentTarget.checked ? { ...argoDefaults } : undefined })
          }
        />
      </Field>
      {argo && (
        <>
          <Field
            label={text.url.label}
            description={text.url.description}
            invalid={Boolean(fields['argo.url'])}
            error={fields['argo.url']}
            required
          >
            <Input
              width={60}
              value={argo.url}
              placeholder={text.url.placeholder}
              data-testid={ids.argoUrl}
              onChange={(event) => update({ url: event.currentTarget.value })}
            />
          </Field>
          <Field label={text.token.label} description={text.token.description}>
            <SecretInput
              width={60}
              placeholder={text.token.placeholder}
              data-testid={ids.argoToken}
              {...editing.secret('argoToken')}
            />
          </Field>
          <SectionProblems messages={editing.problems.argo} />
          <TlsFields
            skipVerify={argo.tlsSkipVerify ?? false}
            onSkipVerifyChange={(tlsSkipVerify) => update({ tlsSkipVerify })}
            caCert={editing.secret('argoCaCert')}
            testIds={{ skipVerify: ids.argoSkipVerify, caCert: ids.argoCaCert }}
          />
          <TimeoutField
            value={argo.timeoutSeconds}
            onChange={(timeoutSeconds) => update({ timeoutSeconds })}
            error={fields['argo.timeoutSeconds']}
            testId={ids.argoTimeout}
          />
        </>
      )}
    </FieldSet>
  );
}
