/** Test ids of the app pages (the datasource's live in src/datasource/testIds.ts). */
export const testIds = {
  appConfig: {
    container: 'data-testid argoperf-app-config',
  },
  datasourceStatus: {
    addDatasource: 'data-testid argoperf-add-datasource',
    configured: 'data-testid argoperf-configured-datasources',
  },
  overview: {
    container: 'data-testid argoperf-overview',
  },
  workflowDetail: {
    container: 'data-testid argoperf-workflow-detail',
  },
  cronSchedules: {
    container: 'data-testid argoperf-cron-schedules',
  },
};
