import React from 'react';
import { Field, Input, SecretInput } from '@grafana/ui';

import type { ArgoPerfJsonData } from '../../types';
import { testIds } from '../../testIds';
import { configText } from './configText';
import { NumberSettingField } from './NumberSettingField';
import { OptionalServiceSection } from './OptionalServiceSection';
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
    <OptionalServiceSection
      title={text.title}
      description={text.description}
      enabledLabel={text.enabled}
      enabled={Boolean(argo)}
      switchTestId={ids.argoEnabled}
      onToggle={(enabled) => editing.updateJsonData({ argo: enabled ? { ...argoDefaults } : undefined })}
    >
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
          <NumberSettingField
            label={text.concurrency.label}
            description={text.concurrency.description}
            value={argo.maxConcurrentRequests}
            onChange={(maxConcurrentRequests) => update({ maxConcurrentRequests })}
            error={fields['argo.maxConcurrentRequests']}
            testId={ids.argoConcurrency}
            max={32}
            placeholder={String(argoDefaults.maxConcurrentRequests)}
          />
        </>
      )}
    </OptionalServiceSection>
  );
}
