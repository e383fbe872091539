import React from 'react';
import { Alert } from '@grafana/ui';

import { testIds } from '../testIds';
import { configText } from './config/configText';
import { ArgoServerSection } from './config/ArgoServerSection';
import { ElasticsearchSection } from './config/ElasticsearchSection';
import { NamespacesSection } from './config/NamespacesSection';
import { QueryLimitsSection } from './config/QueryLimitsSection';
import { settingsEditing, type ConfigEditorProps } from './config/settingsEditing';

/**
 * Datasource settings (src/settings/model.ts): where the history lives (Elasticsearch), where live runs and
 * cron schedules come from (Argo Server), and which namespaces may be read. Secrets go to secureJsonData only.
 */
export function ConfigEditor(props: ConfigEditorProps) {
  const editing = settingsEditing(props);
  const general = editing.problems.general;

  return (
    <>
      {general.length > 0 && (
        <Alert severity="info" title={configText.problems.title} data-testid={testIds.configEditor.generalProblems}>
          {general.join('; ')}
        </Alert>
      )}
      <ElasticsearchSection editing={editing} />
      <ArgoServerSection editing={editing} />
      <NamespacesSection editing={editing} />
      <QueryLimitsSection editing={editing} />
    </>
  );
}
