import { readFileSync } from 'node:fs';

import { templateTarget } from '../elasticsearch/indexTemplate';
import { parseStateIndex, parseTime, readArgs, UsageError, type ElasticsearchTarget } from '../collector/collectorOptions';
import { COLLECTOR_DEFAULTS } from '../collector/usage';
import { DEMO_DEFAULTS } from './catalog';

/** `collector demo`: what to generate, where to write it and whether to serve it. */
export interface DemoOptions {
  seed: number;
  days: number;
  endMs: number;
  /** Undefined: serve only. */
  es?: ElasticsearchTarget;
  indexPrefix: string;
  /** Where the demo's collector heartbeat (sync checkpoints) goes, as the collector's --state-index. */
  stateIndex: string;
  /** Undefined: write only. */
  listen?: { host: string; port: number };
  /** Bearer token the demo Argo Server requires; none: no authentication. */
  token?: string;
  /** While serving a history that ends now: advance it to the wall clock this often (seconds); 0: never. */
  advanceSeconds: number;
  jsonLogs: boolean;
}

const OPTIONS = {
  'es-url': { type: 'string' },
  'es-ca-file': { type: 'string' },
  'es-insecure-skip-verify': { type: 'boolean' },
  'index-prefix': { type: 'string' },
  'state-index': { type: 'string' },
  seed: { type: 'string' },
  days: { type: 'string' },
  end: { type: 'string' },
  serve: { type: 'boolean' },
  listen: { type: 'string' },
  'token-file': { type: 'string' },
  'advance-every': { type: 'string' },
  'json-logs': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

function wholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return value;
}

/** `--advance-every`: 0 (never) or 5 to 3600 seconds. */
function advanceEvery(text: string | undefined): number {
  if (text === undefined) {
    return DEMO_DEFAULTS.advanceSeconds;
  }
  const seconds = wholeNumber('--advance-every', text, 0, 3600);
  if (seconds > 0 && seconds < 5) {
    throw new UsageError(`--advance-every must be 0 (never) or 5 to 3600 seconds, not "${text}"`);
  }
  return seconds;
}

function readFile(option: string, path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new UsageError(`${option} ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): give a readable file`);
  }
}

/** `host:port`, `[::1]:port`; port 0 picks a free one. */
export function parseListen(text: string): { host: string; port: number } {
  const match = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[2]);
  if (!match || port > 65_535) {
    throw new UsageError(`--listen "${text}" is not host:port: give for example 127.0.0.1:2746 (port 0 picks a free one)`);
  }
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

function esUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--es-url "${text}" is not a URL: give http(s)://host:port`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--es-url must be an http:// or https:// URL, not ${url.protocol}`);
  }
  return text;
}

/** Parses the arguments after `demo`; undefined means --help. */
export function parseDemoOptions(argv: string[], env: NodeJS.ProcessEnv, isTty: boolean, nowMs = Date.now()): DemoOptions | undefined {
  const { values, positionals } = readArgs(argv, OPTIONS);
  if (values.help) {
    return undefined;
  }
  if (positionals.length > 0) {
    throw new UsageError(`unexpected argument "${positionals[0]}": options start with --`);
  }
  const url = values['es-url'] ?? env.ES_URL;
  if (!url && !values.serve) {
    throw new UsageError('demo needs --es-url <url> (or env ES_URL) to write the history, --serve to serve it as an Argo Server, or both');
  }
  const serveOnly = (['listen', 'token-file', 'advance-every'] as const).find((name) => values[name] !== undefined);
  if (!values.serve && serveOnly) {
    throw new UsageError(`--${serveOnly} applies only with --serve`);
  }
  const endsNow = values.end === undefined || values.end.trim() === 'now';
  if (!endsNow && values['advance-every'] !== undefined) {
    throw new UsageError('--advance-every applies only to a history that ends now: leave out --end (or give --end now)');
  }
  const indexPrefix = values['index-prefix'] ?? COLLECTOR_DEFAULTS.indexPrefix;
  try {
    templateTarget(indexPrefix);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (env.ES_USERNAME && !env.ES_PASSWORD) {
    throw new UsageError('ES_USERNAME is set but ES_PASSWORD is not: set the password in env ES_PASSWORD (or use ES_API_KEY)');
  }
  return {
    seed: values.seed === undefined ? DEMO_DEFAULTS.seed : wholeNumber('--seed', values.seed, 0, 2 ** 31 - 1),
    days: values.days === undefined ? DEMO_DEFAULTS.days : wholeNumber('--days', values.days, 30, 400),
    endMs: parseTime('--end', values.end ?? 'now', nowMs).getTime(),
    es: url
      ? {
          url: esUrl(url),
          username: env.ES_USERNAME,
          password: env.ES_PASSWORD,
          apiKey: env.ES_API_KEY,
          caCert: values['es-ca-file'] ? readFile('--es-ca-file', values['es-ca-file']) : undefined,
          tlsSkipVerify: values['es-insecure-skip-verify'] ?? false,
        }
      : undefined,
    indexPrefix,
    stateIndex: parseStateIndex(values['state-index'], indexPrefix),
    listen: values.serve ? parseListen(values.listen ?? DEMO_DEFAULTS.listen) : undefined,
    token: values['token-file'] ? readFile('--token-file', values['token-file']) : undefined,
    advanceSeconds: values.serve && endsNow ? advanceEvery(values['advance-every']) : 0,
    jsonLogs: values['json-logs'] ?? !isTty,
  };
}
