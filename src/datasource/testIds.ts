/** Test ids of the datasource's editors. */
export const testIds = {
  configEditor: {
    elasticsearchEnabled: 'data-testid argoperf-es-enabled',
    elasticsearchUrl: 'data-testid argoperf-es-url',
    elasticsearchIndex: 'data-testid argoperf-es-index',
    elasticsearchUsername: 'data-testid argoperf-es-username',
    elasticsearchPassword: 'data-testid argoperf-es-password',
    elasticsearchApiKey: 'data-testid argoperf-es-api-key',
    elasticsearchTimeout: 'data-testid argoperf-es-timeout',
    elasticsearchSkipVerify: 'data-testid argoperf-es-skip-verify',
    elasticsearchCaCert: 'data-testid argoperf-es-ca-cert',
    argoEnabled: 'data-testid argoperf-argo-enabled',
    argoUrl: 'data-testid argoperf-argo-url',
    argoToken: 'data-testid argoperf-argo-token',
    argoTimeout: 'data-testid argoperf-argo-timeout',
    argoSkipVerify: 'data-testid argoperf-argo-skip-verify',
    argoCaCert: 'data-testid argoperf-argo-ca-cert',
    namespaces: 'data-testid argoperf-namespaces',
    generalProblems: 'data-testid argoperf-settings-problems',
  },
  queryEditor: {
    groupBy: 'data-testid argoperf-group-by',
    stats: 'data-testid argoperf-stats',
    limit: 'data-testid argoperf-limit',
    filter: (kind: string) => `data-testid argoperf-filter-${kind}`,
    problem: 'data-testid argoperf-query-problem',
  },
};
