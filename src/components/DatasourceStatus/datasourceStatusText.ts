/** What the datasource status says. Tests import these. */
export const datasourceStatusText = {
  title: 'Connection to Argo and Elasticsearch',
  none: 'No Argo Workflows Performance datasource is set up yet. The pages and dashboards read through it: add one and enter your Argo Server and Elasticsearch addresses.',
  add: 'Add the datasource',
  configured: 'These datasources read your Argo Workflows data:',
  settings: 'Settings',
};
