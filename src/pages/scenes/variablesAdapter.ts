import type { VariableModel } from '@grafana/schema';
import { getDataSourceSrv } from '@grafana/runtime';
import { CustomVariable, DataSourceVariable, QueryVariable, SceneVariableSet, TextBoxVariable, type SceneVariable } from '@grafana/scenes';

/** The value the dashboard starts with: All for our resource lists (`$__all`), else what it names. */
const isAll = (variable: VariableModel) => {
  const value = variable.current?.value;
  return Array.isArray(value) ? value.includes('$__all') : value === '$__all';
};

/**
 * Grafana's default datasource when it is of this type, as a dashboard's datasource variable without a
 * saved value starts with it (scenes would take the first by name).
 */
function defaultDatasource(pluginId: string): { value?: string; text?: string } {
  const preferred = getDataSourceSrv()?.getList({ pluginId }).find((ds) => ds.isDefault);
  return preferred ? { value: preferred.uid, text: preferred.name } : {};
}

/**
 * One dashboard template variable as a scenes variable, with the same name (so `$namespace` in the
 * targets and `var-namespace` in URLs mean the same on the app pages as on the dashboards), label,
 * query, multi-value, All and refresh settings. A kind the bundled dashboards do not use is refused.
 */
export function sceneVariableOf(variable: VariableModel): SceneVariable {
  const common = { name: variable.name, label: variable.label, description: variable.description ?? undefined, hide: variable.hide };
  switch (variable.type) {
    case 'datasource':
      return new DataSourceVariable({ ...common, pluginId: String(variable.query ?? ''), regex: variable.regex ?? '', ...defaultDatasource(String(variable.query ?? '')) });
    case 'query':
      return new QueryVariable({
        ...common,
        datasource: variable.datasource ?? null,
        query: typeof variable.query === 'string' ? variable.query : '',
        isMulti: Boolean(variable.multi),
        includeAll: Boolean(variable.includeAll),
        defaultToAll: isAll(variable),
        refresh: variable.refresh,
        sort: variable.sort,
        regex: variable.regex ?? '',
      });
    case 'custom':
      return new CustomVariable({
        ...common,
        query: String(variable.query ?? ''),
        isMulti: Boolean(variable.multi),
        includeAll: Boolean(variable.includeAll),
        ...(variable.current?.value !== undefined ? { value: variable.current.value, text: variable.current.text } : {}),
      });
    case 'textbox':
      return new TextBoxVariable({ ...common, value: String(variable.query ?? '') });
    default:
      throw new Error(`variable "${variable.name}": type ${variable.type} has no scenes counterpart here; add it to sceneVariableOf`);
  }
}

/** A dashboard's variables, in its order, as the variable set of a page. */
export function variableSetOf(variables: VariableModel[]): SceneVariableSet {
  return new SceneVariableSet({ variables: variables.map(sceneVariableOf) });
}
