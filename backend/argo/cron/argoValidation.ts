import type { JsonObject } from '../extract/argoFields';
import type { ArgoCronRules } from './argoCronRules';
import { shownValue } from './cronJson';
import { CRON_MESSAGES as M } from './cronMessages';
import { CONCURRENCY_POLICIES, type Found } from './cronPolicy';
import type { ConcurrencyPolicy } from './cronTypes';
import { goLoadLocation } from './goTime';
import { readScheduleSyntax, type ScheduleSyntax } from './scheduleSyntax';
import { knownTimeZone } from './wallClock';

/** One schedule string as the version's GetSchedules gives it, with the field it came from. */
export interface ScheduleText {
  field: string;
  text: string;
}

/** Names longer than this leave no room for `-<unix seconds>` in a 63-character run name (validate.go). */
const MAX_NAME_BYTES = 52;

/**
 * The schedules the version reads (GetSchedules): v3.4–v3.5 `spec.schedule`; v3.6–v3.7 `spec.schedule` when
 * non-empty, else `spec.schedules`; v4.0+ `spec.schedules`. A field the version lacks is dropped by its
 * server; if one shows up anyway, it is ignored with a note.
 */
export function versionSchedules(spec: JsonObject, rules: ArgoCronRules, found: Found): ScheduleText[] {
  const single = readSingle(spec, rules, found);
  const list = readList(spec, rules, found);
  if (rules.fields === 'schedule') {
    if (list.length > 0) {
      found.notes.push({
        field: 'spec.schedules',
        message: M.ignoredField(rules.name, 'spec.schedules', 'only spec.schedule is read'),
      });
    }
    return [{ field: 'spec.schedule', text: single }];
  }
  if (rules.fields === 'schedules') {
    if (single !== '') {
      found.notes.push({
        field: 'spec.schedule',
        message: M.ignoredField(rules.name, 'spec.schedule', 'only spec.schedules is read'),
      });
    }
    return list;
  }
  if (single !== '') {
    found.notes.push({ field: 'spec.schedule', message: M.scheduleDeprecated(rules.name) });
    return [{ field: 'spec.schedule', text: single }];
  }
  return list;
}

function readSingle(spec: JsonObject, rules: ArgoCronRules, found: Found): string {
  const value = spec.schedule;
  if (typeof value === 'string') {
    return value;
  }
  if (value !== undefined && value !== null && rules.fields !== 'schedules') {
    reject(found, 'spec.schedule', M.notAString(rules.name));
  }
  return '';
}

function readList(spec: JsonObject, rules: ArgoCronRules, found: Found): ScheduleText[] {
  const value = spec.schedules;
  if (value === undefined || value === null) {
    return [];
  }
  if (!Array.isArray(value)) {
    if (rules.fields !== 'schedule') {
      reject(found, 'spec.schedules', M.notAList(rules.name));
    }
    return [];
  }
  const texts: ScheduleText[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string') {
      texts.push({ field: `spec.schedules[${i}]`, text: item });
    } else if (rules.fields !== 'schedule') {
      reject(found, `spec.schedules[${i}]`, M.notAString(rules.name));
    }
  });
  return texts;
}

/**
 * Argo's ValidateCronWorkflow of the version, check by check in its order (validate.go), each failure with
 * Argo's own error text. Argo stops at the first; all are reported so that one fix does not reveal the next.
 * The workflowSpec itself is not checked here (the SpecError condition carries that verdict).
 */
export function argoValidation(
  name: string,
  spec: JsonObject,
  texts: ScheduleText[],
  rules: ArgoCronRules,
  controllerZone: string,
  found: Found
): void {
  const error = (field: string, argoError: string, hint?: string) =>
    reject(found, field, M.rejected(rules.name, argoError, hint));
  if (
    rules.fields === 'both' &&
    typeof spec.schedule === 'string' &&
    spec.schedule !== '' &&
    hasItems(spec.schedules)
  ) {
    error(
      'spec.schedule',
      'cron workflow cant be configured with both Spec.Schedule and Spec.Schedules',
      'and spec.schedules are both set'
    );
  }
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_BYTES) {
    error(
      'metadata.name',
      `cron workflow name "${name}" must not be more than 52 characters long (currently ${bytes})`,
      `is longer than ${MAX_NAME_BYTES} characters`
    );
  }
  if (rules.fields === 'schedules' && texts.length === 0) {
    error('spec.schedules', 'cron workflow must have at least one schedule', 'is empty');
  }
  for (const { field, text } of texts) {
    const syntax = readScheduleSyntax(text);
    const why = parseError(text, syntax, controllerZone);
    if (syntax.kind === 'invalid' && syntax.panics) {
      reject(found, field, M.parserPanics(rules.name, text, syntax.error));
    } else if (why) {
      error(field, rules.malformed(text, why.error), why.hint && `"${text}": ${why.hint}`);
    }
  }
  const zone = spec.timezone;
  if (rules.validatesTimezone && typeof zone === 'string' && zone !== '') {
    const location = goLoadLocation(zone, controllerZone);
    if ('error' in location) {
      error('spec.timezone', `invalid timezone "${zone}": ${location.error}`, zoneHint(zone));
    }
  } else if (zone !== undefined && zone !== null && typeof zone !== 'string') {
    reject(found, 'spec.timezone', M.notAString(rules.name));
  }
  const policy = spec.concurrencyPolicy;
  if (
    policy !== undefined &&
    policy !== null &&
    policy !== '' &&
    !CONCURRENCY_POLICIES.includes(policy as ConcurrencyPolicy)
  ) {
    error(
      'spec.concurrencyPolicy',
      `'${typeof policy === 'string' ? policy : shownValue(policy)}' is not a valid concurrencyPolicy`,
      'is not Allow, Forbid or Replace'
    );
  }
  const deadline = spec.startingDeadlineSeconds;
  if (typeof deadline === 'number' && deadline < 0) {
    error('spec.startingDeadlineSeconds', 'startingDeadlineSeconds must be positive', 'is negative');
  }
}

/**
 * robfig's ParseStandard error for a schedule, if any: a bad CRON_TZ=/TZ= zone first (Parse loads the
 * location before reading the fields), then the syntax.
 */
export function parseError(
  text: string,
  syntax: ScheduleSyntax,
  controllerZone: string
): { error: string; hint?: string } | undefined {
  if (syntax.zone) {
    const location = goLoadLocation(syntax.zone.name, controllerZone);
    if ('error' in location) {
      return {
        error: `provided bad location ${syntax.zone.name}: ${location.error}`,
        hint: zoneHint(syntax.zone.name),
      };
    }
  }
  return syntax.kind === 'invalid' ? { error: syntax.error, hint: syntax.hint } : undefined;
}

/** Why a zone name fails in Go, in plain words. */
export function zoneHint(zone: string): string {
  const canonical = knownTimeZone(zone);
  return canonical && canonical !== zone && canonical.toLowerCase() === zone.toLowerCase()
    ? M.zoneCase(zone, canonical)
    : `"${zone}" is not an IANA time zone name (e.g. Europe/Berlin)`;
}

function reject(found: Found, field: string, message: string): void {
  found.problems.push({ level: 'error', field, message });
  found.rejected = true;
}

const hasItems = (value: unknown) => Array.isArray(value) && value.length > 0;
