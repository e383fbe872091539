import { z } from 'zod';

/**
 * Field mapping: which document field holds each thing the queries read. Teams whose workflows already
 * write their own documents rename fields here instead of re-indexing. The defaults are our index
 * template's names (docs/document-model.md); the `flat` preset fits one document per task with
 * `{workflow_name, task_name, start_time, end_time, duration_seconds, status, dataset_name}`.
 *
 * An empty name means "these documents have no such field": queries that need it get a message saying
 * so; table columns read from it stay empty.
 */
export const FIELD_ROLES = [
  'kind',
  'start',
  'end',
  'duration',
  'phase',
  'message',
  'namespace',
  'workflowName',
  'workflowUid',
  'workflowTemplate',
  'cron',
  'task',
  'step',
  'nodeName',
  'nodeTemplate',
  'retryAttempt',
  'labels',
  'cpuCoreSeconds',
  'memoryMibSeconds',
  'gpuSeconds',
  'metrics',
  'collectedAt',
] as const;
export type FieldRole = (typeof FIELD_ROLES)[number];

/** What each role means, for the settings page and for messages. */
export const FIELD_ROLE_TEXT: Record<FieldRole, string> = {
  kind: 'document kind (workflow or node)',
  start: 'start time',
  end: 'end time',
  duration: 'duration',
  phase: 'phase (Succeeded, Failed, Error, ...)',
  message: 'failure message',
  namespace: 'namespace',
  workflowName: 'workflow name',
  workflowUid: 'workflow uid',
  workflowTemplate: 'workflow template',
  cron: 'cron workflow',
  task: 'task name (one per loop item)',
  step: 'step name (shared by all loop items and retries)',
  nodeName: 'node name',
  nodeTemplate: 'step template',
  retryAttempt: 'retry attempt',
  labels: 'labels (object of workflow labels; empty: labels are top-level fields)',
  cpuCoreSeconds: 'CPU core-seconds',
  memoryMibSeconds: 'memory MiB-seconds',
  gpuSeconds: 'GPU seconds',
  metrics: 'metrics (object of numbers a workflow reports)',
  collectedAt: 'collected time (when the collector wrote the document)',
};

const DEFAULT_FIELD_NAMES: Record<FieldRole, string> = {
  kind: 'doc_kind',
  start: '@timestamp',
  end: 'end',
  duration: 'duration_ms',
  phase: 'phase',
  message: 'message',
  namespace: 'namespace',
  workflowName: 'workflow.name',
  workflowUid: 'workflow.uid',
  workflowTemplate: 'workflow.template',
  cron: 'workflow.cron',
  task: 'node.display_name',
  step: 'node.step',
  nodeName: 'node.name',
  nodeTemplate: 'node.template',
  retryAttempt: 'node.retry_attempt',
  labels: 'labels',
  cpuCoreSeconds: 'resources.cpu_core_seconds',
  memoryMibSeconds: 'resources.memory_mib_seconds',
  gpuSeconds: 'resources.gpu_seconds',
  metrics: 'metrics',
  collectedAt: 'collected_at',
};

/** ms or s: the duration field's unit; derived: end − start, computed by Elasticsearch at query time. */
export const DURATION_UNITS = ['ms', 's', 'derived'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Without a kind field, every document is one level: a workflow run or a node (task) execution. */
export const DOCUMENT_LEVELS = ['workflow', 'node'] as const;

export const FIELD_PRESETS = ['argoperf', 'flat', 'custom'] as const;
export type FieldPreset = (typeof FIELD_PRESETS)[number];

const fieldName = z
  .string()
  .trim()
  .max(256, 'is longer than 256 characters')
  .regex(/^[^\s"*,]*$/, 'must be one field name, without spaces, quotes, commas or wildcards');

export const fieldMappingSchema = z
  .object({
    preset: z.enum(FIELD_PRESETS).default('argoperf'),
    fields: z.partialRecord(z.enum(FIELD_ROLES), fieldName).default({}),
    durationUnit: z.enum(DURATION_UNITS).optional(),
    documentLevel: z.enum(DOCUMENT_LEVELS).optional(),
  })
  .strict();
export type FieldMappingSettings = z.infer<typeof fieldMappingSchema>;
/** As stored or typed: every part optional. */
export type FieldMappingInput = z.input<typeof fieldMappingSchema>;

export interface Preset {
  fields: Record<FieldRole, string>;
  durationUnit: DurationUnit;
  documentLevel: (typeof DOCUMENT_LEVELS)[number];
}

/** One document per task: no kind, namespace, uid, node ids or resources; dataset_name is a label. */
const FLAT_PRESET: Preset = {
  fields: {
    kind: '',
    start: 'start_time',
    end: 'end_time',
    duration: 'duration_seconds',
    phase: 'status',
    message: '',
    namespace: '',
    workflowName: 'workflow_name',
    workflowUid: '',
    workflowTemplate: 'workflow_name',
    cron: '',
    task: 'task_name',
    step: 'task_name',
    nodeName: 'task_name',
    nodeTemplate: 'task_name',
    retryAttempt: '',
    labels: '',
    cpuCoreSeconds: '',
    memoryMibSeconds: '',
    gpuSeconds: '',
    metrics: '',
    collectedAt: '',
  },
  durationUnit: 's',
  documentLevel: 'node',
};

export const PRESETS: Record<Exclude<FieldPreset, 'custom'>, Preset> = {
  argoperf: { fields: DEFAULT_FIELD_NAMES, durationUnit: 'ms', documentLevel: 'node' },
  flat: FLAT_PRESET,
};

/** The preset a mapping starts from: custom starts from ours. */
export function presetOf(preset: FieldPreset | undefined): Preset {
  return PRESETS[preset === 'flat' ? 'flat' : 'argoperf'];
}

/** Roles the queries cannot do without: the start time, and the end time or the duration field. */
export type RequiredRole = Extract<FieldRole, 'start' | 'end' | 'duration'>;

export function requiredRoles(unit: DurationUnit): RequiredRole[] {
  return ['start', unit === 'derived' ? 'end' : 'duration'];
}

/** The mapping the queries use: every role resolved to a name ('' = absent). */
export interface FieldMap {
  names: Record<FieldRole, string>;
  durationUnit: DurationUnit;
  /** The level of every document when there is no kind field. */
  documentLevel: (typeof DOCUMENT_LEVELS)[number];
}

/** Preset first (custom starts from ours), then the per-role names and options the user set. */
export function resolveFieldMap(settings: FieldMappingInput | undefined): FieldMap {
  const preset = presetOf(settings?.preset);
  const names = { ...preset.fields };
  for (const [role, name] of Object.entries(settings?.fields ?? {}) as Array<[FieldRole, string | undefined]>) {
    if (name !== undefined) {
      names[role] = name;
    }
  }
  return {
    names,
    durationUnit: settings?.durationUnit ?? preset.durationUnit,
    documentLevel: settings?.documentLevel ?? preset.documentLevel,
  };
}
