import fs from 'fs';
import path from 'path';

import appPluginJson from './plugin.json';
import datasourcePluginJson from './datasource/plugin.json';
import { ROUTES } from './constants';

describe('app plugin.json', () => {
  test('the app has no backend of its own; the datasource has it', () => {
    expect(appPluginJson).not.toHaveProperty('backend');
    expect(appPluginJson).not.toHaveProperty('executable');
    expect(datasourcePluginJson).toMatchObject({
      type: 'datasource',
      id: 'argoperf-workflows-datasource',
      backend: true,
      alerting: true,
      metrics: true,
      executable: 'gpx_argoperf_workflows',
    });
  });

  test('includes the nested datasource', () => {
    expect(appPluginJson.includes).toContainEqual({
      type: 'datasource',
      name: datasourcePluginJson.name,
      path: 'datasource/plugin.json',
    });
    expect(fs.existsSync(path.join(__dirname, 'datasource', 'plugin.json'))).toBe(true);
  });

  test('every page in the navigation has a route, and the overview is the default', () => {
    const pages = appPluginJson.includes.filter((include) => include.type === 'page' && include.path.startsWith('/a/'));
    expect(pages.map((page) => page.path.replace('/a/%PLUGIN_ID%/', ''))).toEqual(Object.values(ROUTES));
    expect(pages.find((page) => page.defaultNav)?.name).toBe('Overview');
  });

  test('both ask for the same Grafana', () => {
    expect(datasourcePluginJson.dependencies.grafanaDependency).toBe(appPluginJson.dependencies.grafanaDependency);
  });

  test("the datasource logo resolves to the app's logo the way Grafana resolves it", () => {
    // Grafana serves a nested plugin under public/plugins/<its id>/ and joins relative logo paths onto that
    // (pkg/plugins assetpath: path.Join(baseURL, logo)); the build copies only the app's img/ to dist/img/.
    const served = path.posix.join('public/plugins', datasourcePluginJson.id, datasourcePluginJson.info.logos.small);
    expect(served).toBe(path.posix.join('public/plugins', appPluginJson.id, appPluginJson.info.logos.small));
    expect(fs.existsSync(path.join(__dirname, appPluginJson.info.logos.small))).toBe(true);
  });
});
