/**
 * Logs as hclog JSON lines on stderr, the only log format Grafana's plugin host parses: string @level,
 * @message and @timestamp (six fractional digits), levels trace|debug|info|warn|error.
 * stdout belongs to the go-plugin handshake and is never written here.
 */
import { liveMasker } from './liveSecrets';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

const LEVEL_ORDER: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };
/** go-plugin reads stderr with a 64 KiB line buffer; stay well below it. */
const MAX_MESSAGE = 8 * 1024;

export function hclogTimestamp(date: Date): string {
  // toISOString has three fractional digits; hclog's layout wants exactly six.
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export interface Logger {
  trace(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** What a log line says in place of text that could not be masked: never the text itself. */
export const WITHHELD = '[withheld: this text could not be checked for secrets]';

/** The masked text; should masking itself fail, the text is withheld, and logging goes on. */
function safelyMasked(text: string, mask: (text: string) => string): string {
  try {
    return mask(text);
  } catch {
    return WITHHELD;
  }
}

/** Masked first, then cut: a secret cut in half would no longer be recognised. */
function shortened(text: string, mask: (text: string) => string): string {
  const masked = safelyMasked(text, mask);
  return masked.length > MAX_MESSAGE ? `${masked.slice(0, MAX_MESSAGE)}…` : masked;
}

/** `mask` runs over the message, every field name and every string field. */
export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
  minLevel: LogLevel | (() => LogLevel) = 'debug',
  mask: (text: string) => string = (text) => text
): Logger {
  const threshold = typeof minLevel === 'function' ? minLevel : () => minLevel;
  const log = (level: LogLevel, message: string, fields?: LogFields) => {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[threshold()]) {
      return;
    }
    const entry: Record<string, string | number | boolean> = {
      '@level': level,
      '@message': shortened(String(message), mask),
      '@timestamp': hclogTimestamp(new Date()),
    };
    for (const [key, value] of Object.entries(fields ?? {})) {
      if (value !== undefined && !key.startsWith('@')) {
        entry[safelyMasked(key, mask)] = typeof value === 'string' ? shortened(value, mask) : value;
      }
    }
    write(`${JSON.stringify(entry)}\n`);
  };
  return {
    trace: (m, f) => log('trace', m, f),
    debug: (m, f) => log('debug', m, f),
    info: (m, f) => log('info', m, f),
    warn: (m, f) => log('warn', m, f),
    error: (m, f) => log('error', m, f),
  };
}

function levelFromEnv(): LogLevel {
  const level = process.env.ARGOPERF_LOG_LEVEL?.toLowerCase();
  return level && level in LEVEL_ORDER ? (level as LogLevel) : 'debug';
}

// The level is read when logging, not at load: the executable's startup snapshot is built with
// another environment than the one Grafana starts it with. Every line is masked for the secrets of
// every live datasource instance (liveSecrets.ts).
export const logger = createLogger(undefined, levelFromEnv, (text) => liveMasker().text(text));
