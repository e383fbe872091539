import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

import { templateTarget } from '../elasticsearch/indexTemplate';
import { secretValues } from '../net/secretForms';
import { COLLECTOR_DEFAULTS } from './usage';

/** What one collector run does, from its arguments and environment; every value checked. */
export type CollectorCommand = 'backfill' | 'sync' | 'watch' | 'report';

/** The phases Argo gives an exit handler as `{{workflow.status}}`: a run's final outcome. */
export const FINAL_STATUSES = ['Succeeded', 'Failed', 'Error'] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

/** report: the one run an exit handler reports (reportRun.ts). */
export interface ReportTarget {
  /** The workflow's name, in the one --namespace. */
  workflow: string;
  /** Its final outcome, `{{workflow.status}}`. */
  status: FinalStatus;
  /** When given, the workflow read must have this uid (not a newer run of the same name). */
  uid?: string;
}

export interface ElasticsearchTarget {
  url: string;
  username?: string;
  password?: string;
  apiKey?: string;
  caCert?: string;
  tlsSkipVerify: boolean;
}

export interface CollectorOptions {
  command: CollectorCommand;
  /** backfill: runs that started in [from, to). */
  from?: Date;
  to?: Date;
  /** watch: seconds between syncs. */
  everySeconds: number;
  /** report only: the run to write as finished. */
  report?: ReportTarget;
  argo: { url: string; token?: string; caCert?: string; tlsSkipVerify: boolean };
  /** [''] = all namespaces the token may list. */
  namespaces: string[];
  /** Undefined only in a dry run without --es-url. */
  es?: ElasticsearchTarget;
  indexPrefix: string;
  stateIndex: string;
  installTemplate: boolean;
  dryRun: boolean;
  jsonLogs: boolean;
  /** sync without a checkpoint: how far back to start. */
  initialHours: number;
  /** sync: how far before the last checkpoint to read again, for runs the Argo Server listed late. */
  overlapMinutes: number;
  /** backfill: the range is written (and checkpointed) one slice at a time, oldest first. */
  sliceHours: number;
  /** backfill: slices grow or shrink towards this many documents. */
  sliceDocuments: number;
  /** backfill: ignore a stored checkpoint of the same range and start over. */
  restart: boolean;
  /** Largest bulk request body, and bulk requests in flight (both adapt downwards on 429). */
  flushBytes: number;
  concurrency: number;
}

/** A wrong option: the message names it and says what to do; exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}


const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `now`, `now-30d` (s, m, h, d) or an ISO 8601 / RFC 3339 time; whole seconds. */
export function parseTime(option: string, text: string, now = Date.now()): Date {
  const relative = /^now(?:-(\d+)([smhd]))?$/.exec(text.trim());
  const ms = relative ? now - (relative[1] ? Number(relative[1]) * UNIT_MS[relative[2]] : 0) : Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new UsageError(`${option} "${text}" is not a time: give RFC 3339 (2026-01-31T00:00:00Z), a date (2026-01-31) or now-<n><s|m|h|d>`);
  }
  return new Date(Math.floor(ms / 1000) * 1000);
}

function positive(option: string, text: string, integer = true): number {
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${option} must be a positive ${integer ? 'whole ' : ''}number, not "${text}"`);
  }
  return value;
}

function readSecretFile(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`${option} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): give a readable file`);
  }
}

function checkUrl(option: string, text: string | undefined, env: string): string {
  if (!text) {
    throw new UsageError(`${option} is required${env ? ` (or env ${env})` : ''}`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${option} "${text}" is not a URL: give http(s)://host:port`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${option} must be an http:// or https:// URL, not ${url.protocol}`);
  }
  return text;
}

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  every: { type: 'string' },
  'argo-url': { type: 'string' },
  'argo-token-file': { type: 'string' },
  namespace: { type: 'string', multiple: true },
  workflow: { type: 'string' },
  status: { type: 'string' },
  uid: { type: 'string' },
  'insecure-skip-verify': { type: 'boolean' },
  'ca-file': { type: 'string' },
  'es-url': { type: 'string' },
  'es-username': { type: 'string' },
  'es-ca-file': { type: 'string' },
  'es-insecure-skip-verify': { type: 'boolean' },
  'index-prefix': { type: 'string' },
  'state-index': { type: 'string' },
  'no-install-template': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'json-logs': { type: 'boolean' },
  'initial-hours': { type: 'string' },
  'overlap-minutes': { type: 'string' },
  'slice-hours': { type: 'string' },
  'slice-documents': { type: 'string' },
  restart: { type: 'boolean' },
  'flush-bytes': { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** parseArgs of the collector's commands: strict, positionals allowed, its errors a UsageError in one line. */
export function readArgs<T extends ParseArgsOptionsConfig>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}`);
  }
}

/** Parses argv (after the program name); `undefined` means --help was asked for. */
export function parseCollectorOptions(argv: string[], env: NodeJS.ProcessEnv, isTty: boolean): CollectorOptions | undefined {
  const { values, positionals } = readArgs(argv, OPTIONS);
  if (values.help) {
    return undefined;
  }
  const command = positionals[0];
  if (command !== 'backfill' && command !== 'sync' && command !== 'watch' && command !== 'report') {
    throw new UsageError(
      command ? `unknown command "${command}": use backfill, sync, watch, report or demo` : 'a command is required: backfill, sync, watch, report or demo'
    );
  }
  if (positionals.length > 1) {
    throw new UsageError(`unexpected argument "${positionals[1]}": options start with --`);
  }
  const only = (option: keyof typeof values, commands: CollectorCommand[]) => {
    if (values[option] !== undefined && !commands.includes(command)) {
      throw new UsageError(`--${option} applies to ${commands.join(' and ')}, not to ${command}`);
    }
  };
  only('from', ['backfill']);
  only('to', ['backfill']);
  only('slice-hours', ['backfill']);
  only('slice-documents', ['backfill']);
  only('restart', ['backfill']);
  only('every', ['watch']);
  only('workflow', ['report']);
  only('status', ['report']);
  only('uid', ['report']);
  let from: Date | undefined;
  let to: Date | undefined;
  if (command === 'backfill') {
    if (!values.from) {
      throw new UsageError('backfill needs --from <time> (and optionally --to <time>, default now)');
    }
    from = parseTime('--from', values.from);
    to = parseTime('--to', values.to ?? 'now');
    if (from >= to) {
      throw new UsageError(`--from ${from.toISOString()} must be before --to ${to.toISOString()}`);
    }
  }
  if (command === 'watch' && !values.every) {
    throw new UsageError('watch needs --every <seconds>');
  }
  const indexPrefix = values['index-prefix'] ?? COLLECTOR_DEFAULTS.indexPrefix;
  try {
    templateTarget(indexPrefix);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const stateIndex = parseStateIndex(values['state-index'], indexPrefix);
  const dryRun = values['dry-run'] ?? false;
  const esUrl = values['es-url'] ?? env.ES_URL;
  const es =
    dryRun && !esUrl
      ? undefined
      : {
          url: checkUrl('--es-url', esUrl, 'ES_URL'),
          username: values['es-username'] ?? env.ES_USERNAME,
          password: env.ES_PASSWORD,
          apiKey: env.ES_API_KEY,
          caCert: values['es-ca-file'] ? readSecretFile('--es-ca-file', values['es-ca-file']) : undefined,
          tlsSkipVerify: values['es-insecure-skip-verify'] ?? false,
        };
  if (es?.username && !es.password) {
    throw new UsageError('ES_USERNAME is set but ES_PASSWORD is not: set the password in env ES_PASSWORD (or use ES_API_KEY)');
  }
  const tokenFile = values['argo-token-file'];
  const namespaces = [...new Set(values.namespace ?? [])];
  for (const namespace of namespaces) {
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
      throw new UsageError(`--namespace "${namespace}" is not a Kubernetes namespace name (lowercase letters, digits, '-')${notSubstituted(namespace)}`);
    }
  }
  const report = command === 'report' ? reportTarget(values, namespaces) : undefined;
  return {
    command,
    from,
    to,
    everySeconds: values.every ? positive('--every', values.every) : 0,
    report,
    argo: {
      url: checkUrl('--argo-url', values['argo-url'] ?? env.ARGO_URL, 'ARGO_URL'),
      token: tokenFile ? readSecretFile('--argo-token-file', tokenFile) : env.ARGO_TOKEN || undefined,
      caCert: values['ca-file'] ? readSecretFile('--ca-file', values['ca-file']) : undefined,
      tlsSkipVerify: values['insecure-skip-verify'] ?? false,
    },
    namespaces: namespaces.length ? namespaces : [''],
    es,
    indexPrefix,
    stateIndex,
    installTemplate: !values['no-install-template'],
    dryRun,
    jsonLogs: values['json-logs'] ?? !isTty,
    initialHours: values['initial-hours'] ? positive('--initial-hours', values['initial-hours'], false) : COLLECTOR_DEFAULTS.initialHours,
    overlapMinutes: values['overlap-minutes'] ? positive('--overlap-minutes', values['overlap-minutes'], false) : COLLECTOR_DEFAULTS.overlapMinutes,
    sliceHours: values['slice-hours'] ? positive('--slice-hours', values['slice-hours'], false) : COLLECTOR_DEFAULTS.sliceHours,
    sliceDocuments: values['slice-documents'] ? positive('--slice-documents', values['slice-documents']) : COLLECTOR_DEFAULTS.sliceDocuments,
    restart: values.restart ?? false,
    flushBytes: values['flush-bytes'] ? positive('--flush-bytes', values['flush-bytes']) : COLLECTOR_DEFAULTS.flushBytes,
    concurrency: values.concurrency ? positive('--concurrency', values.concurrency) : COLLECTOR_DEFAULTS.concurrency,
  };
}

/** A hint when a value is an Argo template expression that was not substituted (run outside an exit handler). */
function notSubstituted(text: string): string {
  return text.includes('{{') ? ': the Argo expression was not substituted (pass the value itself, or run it from an exit handler)' : '';
}

/** report: --workflow, --status and --uid, and exactly one --namespace (the workflow's). */
function reportTarget(values: { workflow?: string; status?: string; uid?: string }, namespaces: string[]): ReportTarget {
  if (namespaces.length !== 1) {
    throw new UsageError(
      `report needs exactly one --namespace, the workflow's (in an exit handler: --namespace "{{workflow.namespace}}"); ${namespaces.length} given`
    );
  }
  const { workflow, status, uid } = values;
  if (!workflow) {
    throw new UsageError('report needs --workflow <name> (in an exit handler: --workflow "{{workflow.name}}")');
  }
  if (workflow.length > 253 || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(workflow)) {
    throw new UsageError(`--workflow "${workflow}" is not a Kubernetes object name (lowercase letters, digits, '-', '.')${notSubstituted(workflow)}`);
  }
  if (!status) {
    throw new UsageError(`report needs --status <${FINAL_STATUSES.join('|')}> (in an exit handler: --status "{{workflow.status}}")`);
  }
  if (!(FINAL_STATUSES as readonly string[]).includes(status)) {
    throw new UsageError(`--status "${status}" is not a finished run's phase: give Succeeded, Failed or Error${notSubstituted(status)}`);
  }
  if (uid !== undefined && !/^[0-9A-Za-z][-0-9A-Za-z]{0,63}$/.test(uid)) {
    throw new UsageError(`--uid "${uid}" is not a Kubernetes uid (letters, digits and '-', such as 5f0e6c2a-8d4b-4a57-9b1e-2f4c9d7e1a63)${notSubstituted(uid)}`);
  }
  return { workflow, status: status as FinalStatus, uid };
}

/** Every secret the options hold, in every form it travels in (the same rule as the datasource's). */
export function secretsOfOptions(options: CollectorOptions): string[] {
  const es = options.es;
  return secretValues({
    elasticsearch: { url: es?.url, username: es?.username, password: es?.password, apiKey: es?.apiKey },
    argo: { url: options.argo.url, token: options.argo.token },
  });
}

/** `--state-index`: a plain index name outside the data indices `<indexPrefix>-*` (the collector's and the demo's). */
export function parseStateIndex(text: string | undefined, indexPrefix: string): string {
  const stateIndex = text ?? COLLECTOR_DEFAULTS.stateIndex;
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(stateIndex)) {
    throw new UsageError(`--state-index "${stateIndex}" is not a valid index name: use lowercase letters, digits, '.', '_' and '-'`);
  }
  if (stateIndex.startsWith(`${indexPrefix}-`)) {
    throw new UsageError(
      `--state-index ${stateIndex} matches the data indices ${indexPrefix}-* and would be read as history: choose another --state-index or --index-prefix`
    );
  }
  return stateIndex;
}
