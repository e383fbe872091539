import { createLogger, type LogFields, type Logger, type LogLevel } from '../log/logger';
import { maskSecrets } from '../net/masker';
import type { CollectorStats } from './collectorStats';

/**
 * The collector's output on stderr: hclog-style JSON lines when not on a terminal (or --json-logs),
 * readable lines and a progress line redrawn in place on a terminal. Every text is masked for secrets.
 */
export interface CollectorLog extends Logger {
  /** Redraws the progress line (terminal only, at most every 200 ms). */
  progress(stats: CollectorStats): void;
  /** Ends the progress line. */
  done(): void;
}

export function collectorLog(options: { json: boolean; secrets: string[]; write?: (text: string) => void }): CollectorLog {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const mask = (text: string) => maskSecrets(text, options.secrets);
  const maskFields = (fields?: LogFields) =>
    fields && Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v]));
  if (options.json) {
    // Info and up unless ARGOPERF_COLLECTOR_LOG_LEVEL asks for more (debug: every slice and checkpoint).
    const level = (process.env.ARGOPERF_COLLECTOR_LOG_LEVEL?.toLowerCase() ?? 'info') as LogLevel;
    const logger = createLogger((line) => write(line), ['trace', 'debug', 'info', 'warn', 'error'].includes(level) ? level : 'info');
    const masked = (level: keyof Logger) => (message: string, fields?: LogFields) => logger[level](mask(message), maskFields(fields));
    return {
      trace: masked('trace'),
      debug: masked('debug'),
      info: masked('info'),
      warn: masked('warn'),
      error: masked('error'),
      progress: () => undefined,
      done: () => undefined,
    };
  }
  let lastDraw = 0;
  let drawn = false;
  const line = (level: string) => (message: string, fields?: LogFields) => {
    if (level === 'debug' || level === 'trace') {
      return;
    }
    const extra = Object.entries(maskFields(fields) ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    write(`${drawn ? '\r\x1b[K' : ''}${level === 'info' ? '' : `${level}: `}${mask(message)}${extra ? ` (${extra})` : ''}\n`);
    drawn = false;
  };
  return {
    trace: line('trace'),
    debug: line('debug'),
    info: line('info'),
    warn: line('warn'),
    error: line('error'),
    progress(stats) {
      const now = Date.now();
      if (now - lastDraw < 200) {
        return;
      }
      lastDraw = now;
      drawn = true;
      write(
        `\r\x1b[K${stats.workflowsRead} workflows read, ${stats.documentsWritten} documents written, ` +
          `${Math.round(stats.rate(now))} docs/s, ${stats.workflowsSkipped} skipped, ${stats.documentsRejected} rejected, ${stats.errors} errors`
      );
    },
    done() {
      if (drawn) {
        write('\n');
        drawn = false;
      }
    },
  };
}
