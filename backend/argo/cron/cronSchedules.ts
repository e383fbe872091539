import { CronExpressionParser } from 'cron-parser';

import { isObject, type JsonObject } from '../extract/argoFields';
import { rfc3339Ms, shownValue } from './cronJson';
import { CRON_MESSAGES as M } from './cronMessages';
import { type Found, readCronPolicy } from './cronPolicy';
import type { CronSchedule, CronSchedules } from './cronTypes';
import { readScheduleSyntax } from './scheduleSyntax';
import { knownTimeZone } from './wallClock';

/** The zone we assume for the workflow controller unless told otherwise: UTC, as in Argo's controller image. */
export const CONTROLLER_TIME_ZONE = 'UTC';

/**
 * Reads what the drift report needs from a CronWorkflow object (as the Argo API returns it), for every
 * Argo version: `spec.schedules` (v3.6+) or `spec.schedule` (before v4.0), `spec.timezone`, `CRON_TZ=`/`TZ=`
 * prefixes, and the policy and status fields. Never throws: what is wrong or unsupported becomes a problem.
 */
export function readCronSchedules(cron: unknown, controllerTimeZone = CONTROLLER_TIME_ZONE): CronSchedules {
  const found: Found = { problems: [], notes: [], rejected: false };
  let controllerZone = controllerTimeZone;
  if (!knownTimeZone(controllerZone)) {
    found.problems.push({
      level: 'warning',
      field: 'controllerTimeZone',
      message: M.badControllerZone(controllerZone),
    });
    controllerZone = CONTROLLER_TIME_ZONE;
  }
  const error = (field: string, message: string) => {
    found.problems.push({ level: 'error', field, message });
    found.rejected = true;
  };
  if (!isObject(cron)) {
    error('cron', M.notAnObject(shownValue(cron)));
    return { ...readCronPolicy({}, {}, found), name: '', schedules: [], ...found };
  }
  if (typeof cron.kind === 'string' && cron.kind !== 'CronWorkflow') {
    found.problems.push({ level: 'warning', field: 'kind', message: M.notACronWorkflow(cron.kind) });
  }
  const metadata = isObject(cron.metadata) ? cron.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  if (name === '') {
    error('metadata.name', M.noName);
  }
  const createdMs = rfc3339Ms(metadata.creationTimestamp);
  if (createdMs === undefined && typeof metadata.creationTimestamp === 'string') {
    found.problems.push({
      level: 'warning',
      field: 'metadata.creationTimestamp',
      message: M.badTimestamp(metadata.creationTimestamp),
    });
  }
  const spec = isObject(cron.spec) ? cron.spec : undefined;
  if (!spec) {
    error('spec', M.noSpec);
  }
  const status = isObject(cron.status) ? cron.status : {};
  const policy = readCronPolicy(spec ?? {}, status, found);
  const schedules = spec ? readSchedules(spec, metadata, controllerZone, found) : [];
  return {
    name,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    uid: typeof metadata.uid === 'string' ? metadata.uid : undefined,
    createdMs,
    ...policy,
    schedules: found.rejected ? [] : schedules,
    rejected: found.rejected,
    problems: found.problems,
    notes: found.notes,
  };
}

function readSchedules(spec: JsonObject, metadata: JsonObject, controllerZone: string, found: Found): CronSchedule[] {
  const error = (field: string, message: string) => {
    found.problems.push({ level: 'error', field, message });
    found.rejected = true;
  };
  const warn = (field: string, message: string) => found.problems.push({ level: 'warning', field, message });

  const texts = scheduleTexts(spec, found);
  if (texts.length === 0) {
    if (!found.rejected) {
      error('spec.schedules', M.noSchedule);
    }
    return [];
  }
  const specZone = readSpecZone(spec, controllerZone, found);
  const schedules: CronSchedule[] = [];
  let addingStopped = false;
  for (const { field, text } of texts) {
    const syntax = readScheduleSyntax(text);
    if (syntax.kind === 'invalid') {
      error(field, M.badSchedule(text, syntax.message));
      continue;
    }
    if (syntax.zone) {
      const canonical = knownTimeZone(syntax.zone.name);
      if (!canonical) {
        error(field, M.unknownZone(syntax.zone.name));
        continue;
      }
      if (specZone !== undefined) {
        // Not a validation failure: the controller fails later, when it adds the schedule to its cron engine.
        found.problems.push({ level: 'error', field, message: M.zoneTwice(text) });
        addingStopped = true;
      }
    }
    if (addingStopped) {
      continue;
    }
    const timeZone = syntax.zone?.name ?? specZone ?? controllerZone;
    const timeZoneFrom = syntax.zone
      ? syntax.zone.prefix
      : specZone !== undefined
        ? 'spec.timezone'
        : 'controller default';
    if (syntax.kind === 'every') {
      warn(field, M.every(text));
      schedules.push({ field, text, timeZone, timeZoneFrom, everySeconds: syntax.everySeconds });
      continue;
    }
    const unusable = cronParserProblem(syntax.cron);
    if (unusable === 'never fires') {
      warn(field, M.neverFires(text));
    } else if (unusable) {
      warn(field, M.cronParserRejects(text, unusable));
    } else {
      schedules.push({ field, text, timeZone, timeZoneFrom, cron: syntax.cron });
    }
  }
  if (schedules.some((s) => s.timeZoneFrom === 'controller default')) {
    found.notes.push({ field: 'spec.timezone', message: M.controllerZone(controllerZone) });
  }
  noteScheduleChange(texts, spec.timezone, metadata, found);
  return schedules;
}

/** `spec.schedule` (before v4.0) or `spec.schedules` (v3.6+), with the field each came from. */
function scheduleTexts(spec: JsonObject, found: Found): Array<{ field: string; text: string }> {
  const error = (field: string, message: string) => {
    found.problems.push({ level: 'error', field, message });
    found.rejected = true;
  };
  const single = spec.schedule;
  const list = spec.schedules;
  if (single !== undefined && single !== null && typeof single !== 'string') {
    error('spec.schedule', M.notAString);
  }
  if (list !== undefined && list !== null && !Array.isArray(list)) {
    error('spec.schedules', M.notAList);
  }
  const texts: Array<{ field: string; text: string }> = [];
  if (Array.isArray(list)) {
    list.forEach((item, i) => {
      if (typeof item === 'string') {
        texts.push({ field: `spec.schedules[${i}]`, text: item });
      } else {
        error(`spec.schedules[${i}]`, M.notAString);
      }
    });
  }
  if (typeof single === 'string' && single !== '') {
    if (texts.length > 0) {
      found.problems.push({ level: 'warning', field: 'spec.schedule', message: M.bothScheduleFields });
    } else {
      found.notes.push({ field: 'spec.schedule', message: M.scheduleDeprecated });
    }
    return [{ field: 'spec.schedule', text: single }];
  }
  return texts;
}

/** `spec.timezone` when set and valid for Go's time.LoadLocation. */
function readSpecZone(spec: JsonObject, controllerZone: string, found: Found): string | undefined {
  const zone = spec.timezone;
  if (zone === undefined || zone === null || zone === '') {
    return undefined;
  }
  const fail = (message: string) => {
    found.problems.push({ level: 'error', field: 'spec.timezone', message });
    found.rejected = true;
    return undefined;
  };
  if (typeof zone !== 'string') {
    return fail(M.unknownZone(shownValue(zone)));
  }
  if (zone === 'Local') {
    found.notes.push({ field: 'spec.timezone', message: M.localZone(controllerZone) });
    return controllerZone;
  }
  const canonical = knownTimeZone(zone);
  if (!canonical) {
    return fail(M.unknownZone(zone));
  }
  if (canonical !== zone && canonical.toLowerCase() === zone.toLowerCase()) {
    return fail(M.zoneCase(zone, canonical));
  }
  return zone;
}

/** Why cron-parser cannot compute an expression robfig accepts, or undefined when it can. */
function cronParserProblem(cron: string): string | undefined {
  try {
    CronExpressionParser.parse(cron, { tz: 'UTC', currentDate: 0 });
    return undefined;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return /Invalid explicit day of month/i.test(message) ? 'never fires' : message;
  }
}

/**
 * Argo's `cronworkflows.argoproj.io/last-used-schedule` holds the schedules the controller last ran, each
 * with `CRON_TZ=<spec.timezone> ` in front when a zone is set, joined by commas.
 */
function noteScheduleChange(
  texts: Array<{ text: string }>,
  specZone: unknown,
  metadata: JsonObject,
  found: Found
): void {
  const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
  const used = annotations['cronworkflows.argoproj.io/last-used-schedule'];
  if (typeof used !== 'string') {
    return;
  }
  const prefix = typeof specZone === 'string' && specZone !== '' ? `CRON_TZ=${specZone} ` : '';
  const current = texts.map((t) => `${prefix}${t.text}`).join(',');
  if (used !== current) {
    found.notes.push({ field: 'metadata.annotations', message: M.scheduleChanged(used) });
  }
}
