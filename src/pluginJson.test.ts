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

  test('every page in the navigation has a route, and Home is the default', () => {
    const pages = appPluginJson.includes.filter((include) => include.type === 'page' && include.path.startsWith('/a/'));
    expect(pages.map((page) => page.path.replace('/a/%PLUGIN_ID%/', ''))).toEqual(Object.values(ROUTES));
    expect(pages.find((page) => page.defaultNav)?.name).toBe('Home');
  });

  test('both ask for the same Grafana', () => {
    expect(datasourcePluginJson.dependencies.grafanaDependency).toBe(appPluginJson.dependencies.grafanaDependency);
  });

  test('the datasource has its own logo, inside its own folder', () => {
    // Grafana versions differ in the base URL of a nested plugin (public/plugins/<datasource id>/ or
    // public/plugins/<app id>/datasource/); a path inside the datasource's folder resolves under both.
    for (const logo of [datasourcePluginJson.info.logos.small, datasourcePluginJson.info.logos.large]) {
      expect(logo.startsWith('..')).toBe(false);
      expect(fs.existsSync(path.join(__dirname, 'datasource', logo))).toBe(true);
    }
  });
});

describe('bundled dashboards in plugin.json', () => {
  const dashboards = appPluginJson.includes.filter((include) => include.type === 'dashboard');

  test('each is a file under dashboards/ that the build copies into dist/', () => {
    expect(dashboards.length).toBeGreaterThan(0);
    for (const include of dashboards) {
      expect(include.path).toMatch(/^dashboards\/[a-z0-9-]+\.json$/);
      const file = path.join(__dirname, '..', include.path);
      expect([include.path, fs.existsSync(file)]).toEqual([include.path, true]);
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).title).toBe(include.name);
    }
    // the webpack config copies the folder beside plugin.json, where Grafana reads include paths from
    const webpackConfig = fs.readFileSync(path.join(__dirname, '..', 'webpack.config.ts'), 'utf8');
    expect(webpackConfig).toContain("{ from: '../dashboards', to: 'dashboards' }");
  });
});

describe('screenshots in plugin.json', () => {
  // The scaffold's webpack copies each screenshot from src/<path>; src/img/screenshots is a link to docs/screenshots.
  test('each is a picture in docs/screenshots/ that the build copies to the path plugin.json names', () => {
    const shots = appPluginJson.info.screenshots;
    expect(shots.length).toBeGreaterThan(0);
    for (const shot of shots) {
      expect(shot.path).toMatch(/^img\/screenshots\/[a-z0-9-]+\.png$/);
      const file = path.join(__dirname, shot.path);
      expect(fs.realpathSync(file)).toBe(fs.realpathSync(path.join(__dirname, '..', 'docs', 'screenshots', path.basename(shot.path))));
      // A PNG starts with its 8-byte signature.
      expect([shot.path, fs.readFileSync(file).subarray(0, 8).toString('hex')]).toEqual([shot.path, '89504e470d0a1a0a']);
    }
  });
});
