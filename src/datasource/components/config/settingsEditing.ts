import type { DataSourcePluginOptionsEditorProps } from '@grafana/data';

import type { SecureKey } from '../../../settings/model';
import type { ArgoPerfJsonData, ArgoPerfSecureJsonData } from '../../types';
import { settingsProblems, type SettingsProblems } from './settingsProblems';

export type ConfigEditorProps = DataSourcePluginOptionsEditorProps<ArgoPerfJsonData, ArgoPerfSecureJsonData>;

/** Props of Grafana's SecretInput / SecretTextArea for one secureJsonData key. */
export interface SecretFieldProps {
  isConfigured: boolean;
  value: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
  onReset: () => void;
}

/** What every section of the config editor needs: the settings, their problems and ways to change them. */
export interface SettingsEditing {
  jsonData: ArgoPerfJsonData;
  problems: SettingsProblems;
  updateJsonData: (patch: Partial<ArgoPerfJsonData>) => void;
  secret: (key: SecureKey) => SecretFieldProps;
}

export function settingsEditing({ options, onOptionsChange }: ConfigEditorProps): SettingsEditing {
  const { jsonData, secureJsonFields = {} } = options;
  const secureJsonData: ArgoPerfSecureJsonData = options.secureJsonData ?? {};

  return {
    jsonData,
    problems: settingsProblems(jsonData, secureJsonData, secureJsonFields),
    updateJsonData: (patch) => onOptionsChange({ ...options, jsonData: { ...jsonData, ...patch } }),
    secret: (key) => ({
      // A stored secret stays hidden; Reset clears it so a new value can be typed.
      isConfigured: Boolean(secureJsonFields[key]),
      value: secureJsonData[key] ?? '',
      onChange: (event) =>
        onOptionsChange({ ...options, secureJsonData: { ...secureJsonData, [key]: event.currentTarget.value } }),
      onReset: () =>
        onOptionsChange({
          ...options,
          secureJsonFields: { ...secureJsonFields, [key]: false },
          secureJsonData: { ...secureJsonData, [key]: '' },
        }),
    }),
  };
}
