import { tableFromIPC } from 'apache-arrow';

import type { CallResourceResponse, CheckHealthResponse, DataResponse } from '../../protocol/messages';
import { secretsIn } from './knownSecrets';

/**
 * What every answer must satisfy, whatever was asked: each refId answered exactly once; an input
 * problem is a 4xx whose message names the field; 5xx only with errorSource downstream and only when an
 * upstream really failed; messages of bounded size; no secret in any form; frames that decode.
 */
export interface Violation {
  rule: string;
  detail: string;
  refId?: string;
}

/** The longest error message a user should be shown (a list of valid options fits easily). */
export const MAX_MESSAGE_CHARS = 4096;

/**
 * A message names the field it is about the way this project writes them: `field: what is wrong` (a
 * path such as `filters.adhoc[0].value`) at the start or after "; " (several problems), settings
 * problems as `datasource settings: ...`, a document field by its dotted name at the start, or the
 * query's JSON as a whole.
 */
const NAMES_A_FIELD =
  /(^|; |^datasource settings: )[A-Za-z_$][\w$-]*(\.[\w$-]+|\[\d+\])*: |^[A-Za-z_][\w-]*(\.[\w-]+)+ |^query JSON\b|^datasource settings: /;

export function namesAField(message: string): boolean {
  return NAMES_A_FIELD.test(message);
}

/** Upstream statuses whose messages speak of credentials, permissions or a missing index, not of a field. */
const DOWNSTREAM_STATUSES_WITHOUT_FIELD = [401, 403, 404, 429];

/** A working upstream may still be slow on a loaded machine: its timeout is its failure, not the backend's. */
const UPSTREAM_TIMEOUT = /did not answer within \d+ s/;

export interface AnswerContext {
  /** Every upstream the settings name works: a 5xx is then the backend's fault. */
  healthyUpstreams: boolean;
}

export function secretViolations(text: string, where: string, refId?: string): Violation[] {
  return secretsIn(text).map((form) => ({ rule: 'secret-leak', detail: `${form.name} in ${where}`, refId }));
}

function messageViolations(
  message: string,
  status: number,
  downstream: boolean,
  ctx: AnswerContext,
  where: string,
  refId?: string
): Violation[] {
  const found: Violation[] = [];
  if (message.length > MAX_MESSAGE_CHARS) {
    found.push({ rule: 'message-too-long', detail: `${message.length} chars in ${where}`, refId });
  }
  if (
    status >= 400 &&
    status < 500 &&
    !(downstream && DOWNSTREAM_STATUSES_WITHOUT_FIELD.includes(status)) &&
    !namesAField(message)
  ) {
    found.push({ rule: '4xx-no-field', detail: `${status}: ${message}`, refId });
  }
  return [...found, ...secretViolations(message, where, refId)];
}

export function checkDataResponse(
  response: DataResponse & { jsonMeta?: Uint8Array },
  ctx: AnswerContext & { hugeAtKnownField: string[] },
  refId: string
): Violation[] {
  const found: Violation[] = [];
  const status = response.status ?? 0;
  const downstream = response.errorSource === 'downstream';
  if (response.error) {
    if (status < 400) {
      found.push({ rule: 'error-without-status', detail: `${status}: ${response.error}`, refId });
    } else if (status >= 500 && !downstream) {
      found.push({ rule: '5xx-plugin', detail: `${status}: ${response.error}`, refId });
    } else if (status >= 500 && ctx.healthyUpstreams && !UPSTREAM_TIMEOUT.test(response.error)) {
      found.push({ rule: '5xx-healthy-upstream', detail: `${status}: ${response.error}`, refId });
    }
    found.push(...messageViolations(response.error, status, downstream, ctx, 'DataResponse.error', refId));
  } else {
    if (status >= 400) {
      found.push({ rule: 'status-without-error', detail: String(status), refId });
    }
    if (ctx.hugeAtKnownField.length) {
      found.push({ rule: 'huge-input-accepted', detail: ctx.hugeAtKnownField.join(', '), refId });
    }
  }
  for (const frame of response.frames ?? []) {
    try {
      tableFromIPC(frame);
    } catch (error) {
      found.push({ rule: 'frame-undecodable', detail: (error as Error).message, refId });
    }
    found.push(...secretViolations(Buffer.from(frame).toString('latin1'), 'a frame', refId));
  }
  found.push(...secretViolations(Buffer.from(response.jsonMeta ?? []).toString('latin1'), 'jsonMeta', refId));
  return found;
}

/** The refIds asked against the keys answered: each asked refId exactly once, nothing else. */
export function checkRefIds(asked: string[], answered: string[]): Violation[] {
  const found: Violation[] = [];
  for (const refId of new Set(asked)) {
    const times = answered.filter((key) => key === refId).length;
    if (times !== 1) {
      found.push({
        rule: times === 0 ? 'refid-unanswered' : 'refid-answered-twice',
        detail: JSON.stringify(refId),
        refId,
      });
    }
  }
  for (const key of new Set(answered)) {
    if (!asked.includes(key)) {
      found.push({ rule: 'refid-not-asked', detail: JSON.stringify(key), refId: key });
    }
  }
  return found;
}

export function checkResourceAnswer(messages: CallResourceResponse[], ctx: AnswerContext): Violation[] {
  if (messages.length !== 1) {
    return [{ rule: 'resource-message-count', detail: String(messages.length) }];
  }
  const [{ code, body, headers }] = messages;
  const text = Buffer.from(body ?? []).toString('utf8');
  const found: Violation[] = secretViolations(`${text} ${JSON.stringify(headers ?? {})}`, 'CallResource answer');
  let parsed: { values?: unknown; error?: unknown } | undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [...found, { rule: 'resource-body-not-json', detail: `${code}: ${text.slice(0, 200)}` }];
  }
  const message = typeof parsed?.error === 'string' ? parsed.error : '';
  if (code === 500) {
    found.push({ rule: 'resource-500', detail: message });
  } else if (code >= 500 && ctx.healthyUpstreams && !UPSTREAM_TIMEOUT.test(message)) {
    found.push({ rule: 'resource-5xx-healthy-upstream', detail: `${code}: ${message}` });
  }
  if (code === 200) {
    if (!Array.isArray(parsed?.values) || parsed.values.some((v) => typeof v !== 'string')) {
      found.push({ rule: 'resource-200-without-values', detail: text.slice(0, 200) });
    }
  } else {
    if (!message) {
      found.push({ rule: 'resource-error-without-message', detail: `${code}: ${text.slice(0, 200)}` });
    }
    // 404/405 name the path or method; 401/403/429 relay the upstream's refusal.
    const exempt = [401, 403, 404, 405, 429].includes(code);
    found.push(...messageViolations(message, exempt ? 0 : code, false, ctx, 'CallResource error'));
  }
  return found;
}

export function checkHealthAnswer(
  response: CheckHealthResponse,
  ctx: AnswerContext & { standard: boolean }
): Violation[] {
  const found: Violation[] = [];
  const status = Number(response.status);
  const message = response.message ?? '';
  const details = Buffer.from(response.jsonDetails ?? []).toString('utf8');
  if (status !== 1 && status !== 2) {
    found.push({ rule: 'health-status-unknown', detail: String(response.status) });
  }
  if (status === 2 && !message.trim()) {
    found.push({ rule: 'health-error-without-message', detail: details.slice(0, 200) });
  }
  if (ctx.standard && status !== 1) {
    found.push({ rule: 'health-standard-settings-not-ok', detail: message });
  }
  if (message.length > MAX_MESSAGE_CHARS) {
    found.push({ rule: 'message-too-long', detail: `${message.length} chars in CheckHealth message` });
  }
  if (details.length > 4 * MAX_MESSAGE_CHARS) {
    found.push({ rule: 'message-too-long', detail: `${details.length} chars in CheckHealth jsonDetails` });
  }
  return [...found, ...secretViolations(`${message} ${details}`, 'CheckHealth answer')];
}

/** One line of the backend's stderr: hclog JSON, no secret, no uncaught error. */
export function checkLogLine(line: string): Violation[] {
  const found = secretViolations(line, 'the stderr log');
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line);
  } catch {
    return [...found, { rule: 'log-not-hclog', detail: line.slice(0, 200) }];
  }
  if (
    typeof entry['@level'] !== 'string' ||
    typeof entry['@message'] !== 'string' ||
    typeof entry['@timestamp'] !== 'string'
  ) {
    found.push({ rule: 'log-not-hclog', detail: line.slice(0, 200) });
  }
  if (/uncaught exception|unhandled rejection|handler failed/.test(String(entry['@message']))) {
    found.push({
      rule: 'log-uncaught-error',
      detail: `${String(entry['@message'])}: ${String(entry.error ?? '')}`.slice(0, 300),
    });
  }
  return found;
}

/**
 * Settings with a huge value in one of their fields are invalid as a whole: every answer must refuse
 * them (a 4xx, an ERROR health check), not try the upstreams with them.
 */
export function checkHugeSettings(
  fields: string[] | undefined,
  outcomes: Array<{ status: number; refId?: string }>
): Violation[] {
  if (!fields?.length) {
    return [];
  }
  return outcomes
    .filter(({ status }) => !(status >= 400 && status < 500))
    .map(({ status, refId }) => ({
      rule: 'huge-setting-accepted',
      detail: `${fields.join(', ')} (answered ${status})`,
      refId,
    }));
}

/**
 * What an upstream says to a huge setting it was sent (a 400, a closed connection) belongs to that
 * setting's finding, not to findings of its own.
 */
export function withHugeSettingsCause(violations: Violation[], hugeSettings: Violation[]): Violation[] {
  if (!hugeSettings.length) {
    return violations;
  }
  const consequences = ['4xx-no-field', '5xx-healthy-upstream', 'resource-5xx-healthy-upstream'];
  return [...violations.filter((v) => !consequences.includes(v.rule)), ...hugeSettings];
}
