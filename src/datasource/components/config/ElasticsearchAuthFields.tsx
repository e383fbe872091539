import React from 'react';
import { Field, Input, RadioButtonGroup, SecretInput } from '@grafana/ui';

import { ELASTICSEARCH_AUTH } from '../../../settings/model';
import { configText } from './configText';
import type { SettingsEditing } from './settingsEditing';
import { testIds } from '../../testIds';

type Auth = (typeof ELASTICSEARCH_AUTH)[number];

const text = configText.elasticsearch;
const AUTH_OPTIONS = ELASTICSEARCH_AUTH.map((value) => ({ value, label: text.auth[value] }));

interface Props {
  editing: SettingsEditing;
  auth: Auth;
  username?: string;
  onChange: (patch: { auth?: Auth; username?: string }) => void;
}

/** None, basic (username + secret password) or an API key (secret). */
export function ElasticsearchAuthFields({ editing, auth, username, onChange }: Props) {
  return (
    <>
      <Field label={text.auth.label}>
        <RadioButtonGroup<Auth> options={AUTH_OPTIONS} value={auth} onChange={(value) => onChange({ auth: value })} />
      </Field>
      {auth === 'basic' && (
        <>
          <Field label={text.username.label}>
            <Input
              width={40}
              value={username ?? ''}
              data-testid={testIds.configEditor.elasticsearchUsername}
              onChange={(event) => onChange({ username: event.currentTarget.value })}
            />
          </Field>
          <Field label={text.password.label}>
            <SecretInput
              width={40}
              placeholder={text.password.placeholder}
              data-testid={testIds.configEditor.elasticsearchPassword}
              {...editing.secret('elasticsearchPassword')}
            />
          </Field>
        </>
      )}
      {auth === 'apiKey' && (
        <Field label={text.apiKey.label} description={text.apiKey.description}>
          <SecretInput
            width={60}
            placeholder={text.apiKey.placeholder}
            data-testid={testIds.configEditor.elasticsearchApiKey}
            {...editing.secret('elasticsearchApiKey')}
          />
        </Field>
      )}
    </>
  );
}
