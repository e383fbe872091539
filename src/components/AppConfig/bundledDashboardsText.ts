/** What the config page says about the bundled dashboards (the tests import it). */
export const bundledDashboardsText = {
  title: 'Bundled dashboards',
  intro:
    'Dashboards that come with the app. Importing one saves it in the General folder of this organisation; importing again replaces it with the bundled version (changes made to it are lost).',
  loading: 'Reading the bundled dashboards…',
  none: 'This version of the app bundles no dashboards.',
  listFailed: (reason: string) => `The bundled dashboards could not be listed: ${reason}`,
  importAll: 'Import all',
  import: 'Import',
  reimport: 'Re-import',
  update: 'Update',
  importing: 'Importing…',
  notImported: 'Not imported',
  imported: 'Imported',
  updateAvailable: (imported: number, bundled: number) => `Imported revision ${imported}; the app bundles revision ${bundled}`,
  removed: 'Imported, but no longer bundled with the app',
  importFailed: (reason: string) => `Import failed: ${reason}`,
  open: 'Open',
};

export const bundledDashboardsIds = {
  list: 'data-testid argoperf-bundled-dashboards',
  row: (path: string) => `data-testid argoperf-bundled-dashboard ${path}`,
  status: (path: string) => `data-testid argoperf-bundled-dashboard-status ${path}`,
  importOne: (path: string) => `data-testid argoperf-bundled-dashboard-import ${path}`,
  importAll: 'data-testid argoperf-bundled-dashboards-import-all',
};
