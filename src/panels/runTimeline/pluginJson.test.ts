import fs from 'fs';
import path from 'path';

import appPluginJson from '../../plugin.json';
import panelPluginJson from './plugin.json';
import { plugin } from './module';
import { DEFAULT_OPTIONS } from './options';

describe('run timeline panel plugin', () => {
  test('the app includes it as a nested panel whose module sits beside its plugin.json', () => {
    expect(appPluginJson.includes).toContainEqual({
      type: 'panel',
      name: panelPluginJson.name,
      path: 'panels/runTimeline/plugin.json',
    });
    expect(panelPluginJson).toMatchObject({ type: 'panel', id: 'argoperf-runtimeline-panel' });
    expect(fs.existsSync(path.join(__dirname, 'module.tsx'))).toBe(true);
    expect(panelPluginJson.dependencies.grafanaDependency).toBe(appPluginJson.dependencies.grafanaDependency);
  });

  test('its logo is inside its own folder (Grafana resolves a nested plugin logo there)', () => {
    for (const logo of [panelPluginJson.info.logos.small, panelPluginJson.info.logos.large]) {
      expect(logo.startsWith('..')).toBe(false);
      expect(fs.existsSync(path.join(__dirname, logo))).toBe(true);
    }
  });

  test('the panel editor offers the options with their defaults', () => {
    expect(Object.fromEntries(collectDefaults(plugin))).toEqual(DEFAULT_OPTIONS);
  });
});

/** The paths and default values the panel's options supplier adds, in order. */
function collectDefaults(panel: typeof plugin): Array<[string, unknown]> {
  const items: Array<[string, unknown]> = [];
  const builder = {
    addSelect: (item: { path: string; defaultValue: unknown }) => (items.push([item.path, item.defaultValue]), builder),
    addRadio: (item: { path: string; defaultValue: unknown }) => (items.push([item.path, item.defaultValue]), builder),
    addBooleanSwitch: (item: { path: string; defaultValue: unknown }) => (
      items.push([item.path, item.defaultValue]),
      builder
    ),
    addNumberInput: (item: { path: string; defaultValue: unknown }) => (
      items.push([item.path, item.defaultValue]),
      builder
    ),
  };
  panel.getPanelOptionsSupplier()(builder as never, { data: [] } as never);
  return items;
}
