import { isObject } from './argoFields';
import type { Metrics, NodeDocument, WorkflowDocument } from './documents';
import { type Problems, shown } from './problems';

/**
 * The metrics convention (docs/document-model.md, "Metrics a workflow reports"): an output parameter
 * named `metric-<name>` whose value is a finite decimal number becomes `metrics.<name>`, a double.
 */
export const METRIC_PREFIX = 'metric-';

/** What may follow the prefix once `-` and `.` are turned into `_`. */
const METRIC_NAME = /^[A-Za-z0-9_]+$/;
/** A plain decimal number, as Elasticsearch would coerce it: no hex, no `Infinity`, no thousands separators. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** `metric-images-processed` → `images_processed`; undefined when the rest holds other characters or is empty. */
function metricName(parameterName: string): string | undefined {
  const name = parameterName.slice(METRIC_PREFIX.length).replace(/[-.]/g, '_');
  // `__proto__` would set the object's prototype instead of a field.
  return METRIC_NAME.test(name) && name !== '__proto__' ? name : undefined;
}

/** The same few names repeat in every run: remember them (null: not a metric name), up to a bound. */
const knownNames = new Map<string, string | null>();
const KNOWN_NAMES_LIMIT = 10_000;

function cachedMetricName(parameterName: string): string | undefined {
  let name = knownNames.get(parameterName);
  if (name === undefined) {
    name = metricName(parameterName) ?? null;
    if (knownNames.size >= KNOWN_NAMES_LIMIT) {
      knownNames.clear();
    }
    knownNames.set(parameterName, name);
  }
  return name ?? undefined;
}

/** The number a metric parameter's value stands for, or undefined when it is not a finite number. */
function metricValue(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim();
  if (!DECIMAL.test(text)) {
    return undefined;
  }
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** Where a parameter is, for a problem (built only then: the loop below runs for every node of every run). */
function parameterPath(field: string, parameterName: string): string {
  return `${field}[${JSON.stringify(parameterName)}]`;
}

/**
 * The `metrics` of an `outputs.parameters` list (a node's, or the workflow's global outputs); undefined
 * when none of its parameters is a usable metric. Parameters without a value (not produced) are skipped;
 * bad names and values are left out with a problem naming the parameter.
 */
export function metricsFromParameters(parameters: unknown, field: string, problems: Problems): Metrics | undefined {
  if (parameters === undefined || parameters === null) {
    return undefined;
  }
  if (!Array.isArray(parameters)) {
    problems.add(field, `${shown(parameters)} is not a list`);
    return undefined;
  }
  let metrics: Metrics | undefined;
  for (let i = 0; i < parameters.length; i++) {
    const parameter: unknown = parameters[i];
    const parameterName = isObject(parameter) ? parameter.name : undefined;
    if (typeof parameterName !== 'string' || !parameterName.startsWith(METRIC_PREFIX)) {
      continue;
    }
    const value = (parameter as { value?: unknown }).value;
    if (value === undefined || value === null) {
      continue;
    }
    const name = cachedMetricName(parameterName);
    if (name === undefined) {
      problems.add(parameterPath(field, parameterName), `is not a metric name: after "${METRIC_PREFIX}" use letters, digits, _, - or .; left out`);
      continue;
    }
    const number = metricValue(value);
    if (number === undefined) {
      problems.add(`${parameterPath(field, parameterName)}.value`, `${shown(value)} is not a finite number, so metrics.${name} is left out`);
      continue;
    }
    metrics ??= {};
    if (name in metrics) {
      problems.add(parameterPath(field, parameterName), `metrics.${name} was already set by an earlier parameter; this one is left out`);
      continue;
    }
    metrics[name] = number;
  }
  return metrics;
}

/** True when time `a` is later than or equal to `b` (both RFC 3339 UTC, as documentTime writes them). */
function notBefore(a: string, b: string): boolean {
  // Argo's whole-second form compares as text; anything else (fractions) is parsed.
  return a.length === 20 && b.length === 20 ? a >= b : Date.parse(a) >= Date.parse(b);
}

/**
 * The run's metrics: its global outputs (`status.outputs.parameters`), and for each name they lack the
 * value of the Succeeded node document that finished last (ties: the later one in `status.nodes`).
 * Undefined when there are none.
 */
export function runMetrics(global: Metrics | undefined, nodes: readonly NodeDocument[]): Metrics | undefined {
  let fromNodes: Metrics | undefined;
  let finishes: Map<string, string> | undefined;
  for (const doc of nodes) {
    if (doc.metrics === undefined || doc.phase !== 'Succeeded') {
      continue;
    }
    // Its end; its start while it has none.
    const finish = doc.end ?? doc['@timestamp'];
    for (const name in doc.metrics) {
      if (global !== undefined && name in global) {
        continue;
      }
      finishes ??= new Map();
      fromNodes ??= {};
      const earlier = finishes.get(name);
      if (earlier === undefined || notBefore(finish, earlier)) {
        finishes.set(name, finish);
        fromNodes[name] = doc.metrics[name];
      }
    }
  }
  if (fromNodes === undefined) {
    return global;
  }
  // fromNodes is new, shared with no node document.
  return global === undefined ? fromNodes : { ...global, ...fromNodes };
}

/** Gives the run document its metrics from its node documents (runMetrics), in the model's field order. */
export function addNodeMetrics(doc: WorkflowDocument, nodes: readonly NodeDocument[]): void {
  const metrics = runMetrics(doc.metrics, nodes);
  if (metrics === doc.metrics) {
    return;
  }
  // `metrics` comes before `collected_at` in the model; deleting the last key added is cheap in V8.
  const collectedAt = doc.collected_at;
  delete doc.collected_at;
  doc.metrics = metrics;
  if (collectedAt !== undefined) {
    doc.collected_at = collectedAt;
  }
}
