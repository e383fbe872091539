import fs from 'fs';
import path from 'path';

import yaml from 'js-yaml';

import appPluginJson from './plugin.json';
import datasourcePluginJson from './datasource/plugin.json';
import runTimelinePluginJson from './panels/runTimeline/plugin.json';
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
    expect(unsigned.sort()).toEqual([appPluginJson.id, datasourcePluginJson.id, runTimelinePluginJson.id].sort());
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

describe('docker-compose.yaml: the demo', () => {
  const compose = load('docker-compose.yaml');

  test('publishes every port on 127.0.0.1 only', () => {
    const ports = Object.values(compose.services).flatMap((service: any) => service.ports ?? []);
    expect(ports.length).toBeGreaterThanOrEqual(3);
    for (const port of ports) {
      expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    }
  });

  test('runs the packaged executable to write the demo history into the compose Elasticsearch and serve it', () => {
    const demo = compose.services.demo;
    expect(demo.volumes).toContain('./dist:/plugin:ro');
    const command = demo.command.join(' ');
    expect(command).toMatch(/\/plugin\/datasource\/gpx_argoperf_workflows_linux_.*\)\s+collect demo --es-url http:\/\/elasticsearch:9200 --serve --listen 0\.0\.0\.0:2746/);
    expect(demo.depends_on.elasticsearch.condition).toBe('service_healthy');
  });

  test('points the datasource at the demo Argo Server', () => {
    const [datasource] = load('provisioning/datasources/argo-workflows-performance.yaml').datasources;
    const port = compose.services.demo.ports[0].split(':')[2];
    expect(datasource.jsonData.argo.url).toBe(`http://demo:${port}`);
  });
});
