import { isObject } from './argoFields';
import { type Problems, shown } from './problems';

/**
 * The two flattened fields of the model: `labels` (the workflow's Kubernetes labels) and
 * `parameters` (workflow arguments or a node's input parameters), both maps of strings.
 */

/** The labels as a flat string map; undefined when there are none. */
export function labelsFromArgo(labels: unknown, field: string, problems: Problems): Record<string, string> | undefined {
  if (labels === undefined || labels === null) {
    return undefined;
  }
  if (!isObject(labels)) {
    problems.add(field, `${shown(labels)} is not an object`);
    return undefined;
  }
  const result: Record<string, string> = {};
  let found = false;
  for (const key in labels) {
    const value = labels[key];
    if (typeof value === 'string') {
      result[key] = value;
      found = true;
    } else {
      problems.add(`${field}[${JSON.stringify(key)}]`, `${shown(value)} is not a string`);
    }
  }
  return found ? result : undefined;
}

/**
 * `[{name, value}]` parameters as a name → string map; undefined when there are none. Numbers and
 * booleans (YAML-typed values) become strings; a parameter without a value (`valueFrom`) is left out.
 */
export function parametersFromArgo(parameters: unknown, field: string, problems: Problems): Record<string, string> | undefined {
  if (parameters === undefined || parameters === null) {
    return undefined;
  }
  if (!Array.isArray(parameters)) {
    problems.add(field, `${shown(parameters)} is not a list`);
    return undefined;
  }
  let result: Record<string, string> | undefined;
  for (let i = 0; i < parameters.length; i++) {
    const parameter: unknown = parameters[i];
    const name = isObject(parameter) ? parameter.name : undefined;
    if (typeof name !== 'string' || name === '') {
      problems.add(`${field}[${i}].name`, `${shown(name)} is not a parameter name`);
      continue;
    }
    const value = (parameter as { value?: unknown }).value;
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      result ??= {};
      result[name] = String(value);
    } else {
      problems.add(`${field}[${i}].value`, `${shown(value)} is not a string`);
    }
  }
  return result;
}
