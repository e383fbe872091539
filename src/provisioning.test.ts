import fs from 'fs';
import path from 'path';

import yaml from 'js-yaml';

import appPluginJson from './plugin.json';
import datasourcePluginJson from './datasource/plugin.json';
import { parseSettings } from './settings/model';

/** The files users run with `docker compose up` must match the plugin: ids, paths and valid settings. */
const root = path.join(__dirname, '..');
const load = (file: string) => yaml.load(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, any>;

describe('docker-compose.yaml and provisioning', () => {
  const compose = load('docker-compose.yaml');

  test('mounts the built plugin and the provisioning folder into Grafana', () => {
    const volumes: string[] = compose.services.grafana.volumes;
    expect(volumes).toContain(`./dist:/var/lib/grafana/plugins/${appPluginJson.id}`);
    expect(volumes).toContain('./provisioning:/etc/grafana/provisioning');
    const unsigned = compose.services.grafana.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS.split(',');
    expect(unsigned.sort()).toEqual([appPluginJson.id, datasourcePluginJson.id].sort());
  });

  test('enables the app', () => {
    expect(load('provisioning/plugins/apps.yaml').apps.map((app: { type: string }) => app.type)).toEqual([appPluginJson.id]);
  });

  test('provisions a datasource of our type whose settings validate and point at the compose Elasticsearch', () => {
    const [datasource] = load('provisioning/datasources/argo-workflows-performance.yaml').datasources;
    expect(datasource.type).toBe(datasourcePluginJson.id);
    const parsed = parseSettings(datasource.jsonData, datasource.secureJsonData ?? {});
    expect(parsed).toHaveProperty('settings');
    const port = compose.services.elasticsearch.ports[0].split(':')[1];
    expect(datasource.jsonData.elasticsearch.url).toBe(`http://elasticsearch:${port}`);
  });
});
