import { DataSourcePlugin } from '@grafana/data';

import { ConfigEditor } from './components/ConfigEditor';
import { QueryEditor } from './components/QueryEditor';
import { ArgoPerfDataSource } from './datasource';
import type { ArgoPerfDataQuery, ArgoPerfJsonData, ArgoPerfSecureJsonData } from './types';

// No lazy imports here: chunks are emitted beside the app's module.js, outside this plugin's folder.
export const plugin = new DataSourcePlugin<
  ArgoPerfDataSource,
  ArgoPerfDataQuery,
  ArgoPerfJsonData,
  ArgoPerfSecureJsonData
>(ArgoPerfDataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
