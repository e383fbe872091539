/** What the app's configuration page says. Tests import these. */
export const appConfigText = {
  intro:
    'The app itself has no settings. Connections to the Argo Server and to Elasticsearch, credentials and the namespaces a datasource may read are set on the Argo Workflows Performance datasource.',
};
