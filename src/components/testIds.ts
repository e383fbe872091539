/** Test ids of the app pages (the datasource's live in src/datasource/testIds.ts). */
export const testIds = {
  appConfig: {
    container: 'data-testid argoperf-app-config',
  },
  datasourceStatus: {
    addDatasource: 'data-testid argoperf-add-datasource',
    configured: 'data-testid argoperf-configured-datasources',
  },
  home: {
    checks: 'data-testid argoperf-home-checks',
    line: (key: string) => `data-testid argoperf-home-check ${key}`,
    dashboards: 'data-testid argoperf-home-dashboards',
  },
};
