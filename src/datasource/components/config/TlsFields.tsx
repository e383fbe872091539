import React from 'react';
import { Field, SecretTextArea, Switch } from '@grafana/ui';

import { configText } from './configText';
import type { SecretFieldProps } from './settingsEditing';

interface Props {
  skipVerify: boolean;
  onSkipVerifyChange: (skip: boolean) => void;
  caCert: SecretFieldProps;
  testIds: { skipVerify: string; caCert: string };
}

/** How the backend trusts a server's certificate: a CA certificate (kept secret) or, for tests, not at all. */
export function TlsFields({ skipVerify, onSkipVerifyChange, caCert, testIds }: Props) {
  const text = configText.tls;
  return (
    <>
      <Field label={text.caCert.label} description={text.caCert.description}>
        <SecretTextArea
          {...caCert}
          rows={4}
          cols={60}
          placeholder={text.caCert.placeholder}
          data-testid={testIds.caCert}
        />
      </Field>
      <Field label={text.skipVerify.label} description={text.skipVerify.description}>
        <Switch
          value={skipVerify}
          data-testid={testIds.skipVerify}
          onChange={(event) => onSkipVerifyChange(event.currentTarget.checked)}
        />
      </Field>
    </>
  );
}
