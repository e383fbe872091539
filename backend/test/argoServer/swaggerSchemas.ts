import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { CORPUS_DIR } from './corpus';

/**
 * Validators for swagger.json definitions (ajv 8). The spec is taken as written, with the deviations the
 * real server is known to have (notes/argo-api.md): Go writes nil pointers, slices and maps as null, so
 * optional properties and a list's `items` may be null; IntOrString values are numbers or strings;
 * CronWorkflowSpec needs `schedules` only from v4.0 (null when the stored object has none), older servers
 * send `schedule`.
 * `projected: true` also drops `required` on Workflow, since a `fields` projection removes spec.
 */
type Schema = Record<string, unknown> & {
  properties?: Record<string, Schema>;
  required?: string[];
  type?: string | string[];
};

function nullable(schema: Schema): Schema {
  if (schema.$ref) {
    return { anyOf: [schema, { type: 'null' }] };
  }
  if (typeof schema.type === 'string') {
    return { ...schema, type: [schema.type, 'null'] };
  }
  return schema;
}

function relaxed(definitions: Record<string, Schema>, projected: boolean): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    const properties = Object.fromEntries(
      Object.entries(definition.properties ?? {}).map(([key, value]) => [
        key,
        definition.required?.includes(key) && !(key === 'items' && name.endsWith('List')) ? value : nullable(value),
      ])
    );
    out[name] = definition.properties ? { ...definition, properties } : definition;
  }
  out['io.k8s.apimachinery.pkg.util.intstr.IntOrString'] = { type: ['string', 'integer'] };
  const cron = out['io.argoproj.workflow.v1alpha1.CronWorkflowSpec'];
  out['io.argoproj.workflow.v1alpha1.CronWorkflowSpec'] = {
    ...cron,
    required: ['workflowSpec'],
    anyOf: [{ required: ['schedules'] }, { required: ['schedule'] }],
    // A v4 server writes an object without schedules (one stored for v3.x with `schedule`) as `"schedules": null`.
    properties: { ...cron.properties, schedule: { type: 'string' }, schedules: nullable(cron.properties!.schedules) },
  };
  if (projected) {
    out['io.argoproj.workflow.v1alpha1.Workflow'] = { ...out['io.argoproj.workflow.v1alpha1.Workflow'], required: [] };
  }
  return out;
}

const cache = new Map<boolean, Ajv>();

function ajvFor(projected: boolean): Ajv {
  let ajv = cache.get(projected);
  if (!ajv) {
    const swagger = JSON.parse(readFileSync(join(CORPUS_DIR, 'swagger.json'), 'utf8')) as {
      definitions: Record<string, Schema>;
    };
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const format of ['int32', 'int64', 'uint64', 'byte']) {
      ajv.addFormat(format, true);
    }
    ajv.addSchema({ definitions: relaxed(swagger.definitions, projected) }, 'swagger');
    cache.set(projected, ajv);
  }
  return ajv;
}

/** The validator of one swagger definition, e.g. 'io.argoproj.workflow.v1alpha1.WorkflowList'. */
export function swaggerValidator(definition: string, options: { projected?: boolean } = {}): ValidateFunction {
  const validate = ajvFor(options.projected ?? false).getSchema(`swagger#/definitions/${definition}`);
  if (!validate) {
    throw new Error(`no definition ${definition} in swagger.json`);
  }
  return validate;
}

/** Validation errors as short lines ("/items/0/status/phase must be string"), or [] when valid. */
export function schemaErrors(definition: string, value: unknown, options: { projected?: boolean } = {}): string[] {
  const validate = swaggerValidator(definition, options);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}
