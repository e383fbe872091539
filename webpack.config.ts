import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';

import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

/**
 * The scaffold's config, plus
 * - the nested datasource's own logo: the scaffold copies only the app's logos, and Grafana resolves a
 *   nested plugin's logo against the nested plugin's own folder;
 * - the collector's guide (and the document model and deployment files it refers to), so that
 *   `<executable> collect --help` names a guide that is there: dist/docs/collector.md.
 * Paths are relative to the scaffold's context, src/.
 */
const extraFiles = [
  { from: 'datasource/img', to: 'datasource/img' },
  { from: '../docs/collector.md', to: 'docs/collector.md' },
  { from: '../docs/document-model.md', to: 'docs/document-model.md' },
  { from: '../docs/demo.md', to: 'docs/demo.md' },
  { from: '../deploy', to: 'deploy' },
  // The alert rules and their runbook (the rules' runbook_url opens dist/docs/alerts.md in Grafana).
  { from: '../provisioning/alerting', to: 'provisioning/alerting' },
  { from: '../docs/alerts.md', to: 'docs/alerts.md' },
];

const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  return {
    ...base,
    plugins: [...(base.plugins ?? []), new CopyWebpackPlugin({ patterns: extraFiles })],
  };
};

export default config;
