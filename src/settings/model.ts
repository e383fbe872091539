import { z } from 'zod';

import { inputMessages } from '../query/inputMessages';
import { brokenUnicode, LIMITS, textSchema } from '../query/inputLimits';
import { describeIssues, fieldPath } from '../query/validationMessage';
import { DEFAULT_STATE_INDEX, STATE_INDEX_NAME, STATE_INDEX_NAME_MESSAGE } from './collectorState';
import { fieldMappingSchema, requiredRoles, resolveFieldMap, type RequiredRole } from './fieldMapping';

/**
 * Datasource settings. jsonData holds everything that is not secret; secrets live only in
 * secureJsonData, which Grafana stores encrypted and sends to the backend decrypted with each request.
 */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The longest settings values: URLs as browsers and proxies take them, index names as Elasticsearch
 * allows (255 bytes), user names as its native realm allows (1,024). Secrets are far below theirs.
 */
export const SETTINGS_LIMITS = { url: 2048, index: 255, username: 1024 } as const;
const SECRET_LIMITS: Record<SecureKey, number> = {
  elasticsearchPassword: 4096,
  elasticsearchApiKey: 4096,
  argoToken: 16 * 1024,
  elasticsearchCaCert: 1024 * 1024,
  argoCaCert: 1024 * 1024,
};

/** An http(s) URL; an empty one gets a single message with an example, not two. */
const httpUrl = (example: string) =>
  z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value.length > SETTINGS_LIMITS.url) {
        ctx.addIssue({ code: 'custom', message: inputMessages.tooLong(value, SETTINGS_LIMITS.url) });
      } else if (value === '') {
        ctx.addIssue({ code: 'custom', message: `is empty; enter the server URL, for example ${example}` });
      } else if (!isHttpUrl(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be an http:// or https:// URL' });
      }
    });

const timeoutSeconds = z.number().int('must be a whole number of seconds').min(1).max(600);

/** Why each field the queries cannot do without must not be empty (requiredRoles). */
const EMPTY_REQUIRED_FIELD: Record<RequiredRole, string> = {
  start: 'is empty; every query needs the start-time field (a date)',
  end: 'is empty; a duration derived from start and end needs the end-time field',
  duration: 'is empty; enter the duration field, or set the duration unit to derived (end − start)',
};

export const ELASTICSEARCH_AUTH = ['none', 'basic', 'apiKey'] as const;

export const elasticsearchSettingsSchema = z
  .object({
    url: httpUrl('http://elasticsearch:9200'),
    index: textSchema(SETTINGS_LIMITS.index)
      .trim()
      .min(1, 'is empty; enter an index name or pattern, for example argo-workflows-*')
      .default('argo-workflows-*'),
    /** The collector's state index (--state-index): its sync checkpoints tell when it last looked (freshness). */
    stateIndex: textSchema(SETTINGS_LIMITS.index)
      .trim()
      .min(1, `is empty; enter the collector's state index, for example ${DEFAULT_STATE_INDEX}`)
      .refine((name) => name === '' || STATE_INDEX_NAME.test(name), STATE_INDEX_NAME_MESSAGE)
      .default(DEFAULT_STATE_INDEX),
    auth: z.enum(ELASTICSEARCH_AUTH).default('none'),
    username: textSchema(SETTINGS_LIMITS.username).optional(),
    tlsSkipVerify: z.boolean().default(false),
    timeoutSeconds: timeoutSeconds.default(30),
    /** Which document field holds what; absent: our index template's names. */
    fieldMapping: fieldMappingSchema.optional(),
  })
  .superRefine((es, ctx) => {
    const map = resolveFieldMap(es.fieldMapping);
    const problem = (role: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: ['fieldMapping', 'fields', role], message });
    for (const role of requiredRoles(map.durationUnit)) {
      if (!map.names[role]) {
        problem(role, EMPTY_REQUIRED_FIELD[role]);
      }
    }
  });

export const argoSettingsSchema = z.object({
  url: httpUrl('https://argo-server.argo:2746'),
  tlsSkipVerify: z.boolean().default(false),
  timeoutSeconds: timeoutSeconds.default(30),
  /** Requests this datasource sends the Argo Server at once, across all queries. */
  maxConcurrentRequests: z.number().int('must be a whole number').min(1).max(32).default(4),
});

export const jsonDataSchema = z
  .object({
    elasticsearch: elasticsearchSettingsSchema.optional(),
    argo: argoSettingsSchema.optional(),
    /** When set, queries may only read these namespaces. */
    namespaces: z
      .array(textSchema(LIMITS.namespace).trim().min(1, 'is empty; enter a namespace name or remove the entry'))
      .max(LIMITS.listValues, inputMessages.tooManyValues(LIMITS.listValues))
      .optional(),
    /** Longest time range one query may read; protects Elasticsearch from unbounded scans. */
    maxRangeDays: z.number().int('must be a whole number of days').min(1).max(3660).default(400),
  })
  .refine((data) => data.elasticsearch || data.argo, {
    message: 'configure Elasticsearch, the Argo Server, or both',
  });

export type ElasticsearchSettings = z.infer<typeof elasticsearchSettingsSchema>;
export type ArgoSettings = z.infer<typeof argoSettingsSchema>;
export type JsonData = z.infer<typeof jsonDataSchema>;
/** What the config editor edits: everything optional while the user types. */
export type JsonDataInput = z.input<typeof jsonDataSchema>;

/** Keys of secureJsonData. Values never enter jsonData, logs or error text. */
export const SECURE_KEYS = [
  'elasticsearchPassword',
  'elasticsearchApiKey',
  'elasticsearchCaCert',
  'argoToken',
  'argoCaCert',
] as const;
export type SecureKey = (typeof SECURE_KEYS)[number];
export type SecureJsonData = Partial<Record<SecureKey, string>>;

export interface DatasourceSettings extends JsonData {
  secrets: SecureJsonData;
}

/** Secrets sent as they are in an Authorization header, by the name the settings page gives them. */
const HEADER_SECRETS: Partial<Record<SecureKey, string>> = {
  elasticsearchApiKey: 'Elasticsearch "API key"',
  argoToken: 'Argo Server "Bearer token"',
};

export type ParsedSettings = { settings: DatasourceSettings } | { error: string };

export function parseSettings(jsonData: unknown, secure: Record<string, string>): ParsedSettings {
  // A lone surrogate (JSON allows "\ud800") would fail later, deep in a URL or an index name: refuse it here.
  const broken = brokenUnicode(jsonData);
  if (broken) {
    return { error: `datasource settings: ${fieldPath(broken.path) || 'jsonData'}: ${broken.problem}` };
  }
  const result = jsonDataSchema.safeParse(jsonData ?? {});
  if (!result.success) {
    return { error: `datasource settings: ${describeIssues(result.error)}` };
  }
  const secrets: SecureJsonData = {};
  for (const key of SECURE_KEYS) {
    // Keys and tokens never hold whitespace at their ends; a pasted line break would break the header.
    const value = key in HEADER_SECRETS ? secure[key]?.trim() : secure[key];
    if (value) {
      secrets[key] = value;
    }
  }
  for (const [key, value] of Object.entries(secrets) as Array<[SecureKey, string]>) {
    if (value.length > SECRET_LIMITS[key]) {
      // Never quoted: it is a secret.
      return { error: `datasource settings: the secure setting ${key} is longer than ${SECRET_LIMITS[key]} characters (${value.length}); paste it again` };
    }
  }
  for (const [key, label] of Object.entries(HEADER_SECRETS)) {
    const at = secrets[key as SecureKey]?.search(/[^\x20-\x7e]/) ?? -1;
    if (at >= 0) {
      // Never quoted: it is a secret.
      return {
        error: `datasource settings: the ${label} cannot be sent in an HTTP header: character ${at + 1} is a line break, a control character or not ASCII; paste it again`,
      };
    }
  }
  const es = result.data.elasticsearch;
  if (es?.auth === 'basic' && (!es.username || !secrets.elasticsearchPassword)) {
    return { error: 'datasource settings: elasticsearch.username and the password are both needed for basic auth' };
  }
  if (es?.auth === 'apiKey' && !secrets.elasticsearchApiKey) {
    return { error: 'datasource settings: the Elasticsearch API key is empty; enter it or set auth to none' };
  }
  return { settings: { ...result.data, secrets } };
}
