import { CronExpressionParser } from 'cron-parser';

import { isObject, type JsonObject } from '../extract/argoFields';
import { argoCronRules, type ArgoCronRules } from './argoCronRules';
import { argoValidation, parseError, versionSchedules, zoneHint, type ScheduleText } from './argoValidation';
import { rfc3339Ms, shownValue } from './cronJson';
import { CRON_MESSAGES as M } from './cronMessages';
import { type Found, readCronPolicy } from './cronPolicy';
import type { CronSchedule, CronSchedules } from './cronTypes';
import { goLoadLocation } from './goTime';
import { readScheduleSyntax } from './scheduleSyntax';
import { knownTimeZone } from './wallClock';

/** The zone we assume for the workflow controller unless told otherwise: UTC, as in Argo's controller image. */
export const CONTROLLER_TIME_ZONE = 'UTC';

export interface ReadOptions {
  /** The workflow controller's zone (its TZ) for schedules without a zone of their own. Default UTC. */
  controllerTimeZone?: string;
  /** The Argo Server's version ("v3.7.12"); the cron is read as that version reads it. Unknown: the newest. */
  argoVersion?: string;
}

/**
 * Reads what the drift report needs from a CronWorkflow object (as the Argo API returns it) the way the
 * given Argo version does: its schedule fields, its validation (a rejected cron has no schedules), what its
 * controller then adds to its cron engine (`CRON_TZ=<spec.timezone>` prefixes), and the policy and status
 * fields. Never throws: what is wrong or unsupported becomes a problem.
 */
export function readCronSchedules(cron: unknown, options: ReadOptions = {}): CronSchedules {
  const rules = argoCronRules(options.argoVersion);
  const found: Found = { problems: [], notes: [], rejected: false };
  let controllerZone = options.controllerTimeZone ?? CONTROLLER_TIME_ZONE;
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
    return { ...readCronPolicy({}, {}, rules, found), name: '', argoVersion: rules.name, schedules: [], ...found };
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
  const policy = readCronPolicy(spec ?? {}, status, rules, found);
  let schedules: CronSchedule[] = [];
  if (spec) {
    const texts = versionSchedules(spec, rules, found);
    argoValidation(name, spec, texts, rules, controllerZone, found);
    if (!found.rejected) {
      schedules = engineSchedules(spec, texts, rules, controllerZone, found);
    }
    noteScheduleChange(texts, spec.timezone, metadata, found);
  }
  return {
    name,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    uid: typeof metadata.uid === 'string' ? metadata.uid : undefined,
    createdMs,
    argoVersion: rules.name,
    ...policy,
    schedules: found.rejected ? [] : schedules,
    rejected: found.rejected,
    problems: found.problems,
    notes: found.notes,
  };
}

/**
 * What the controller adds to its cron engine once validation passed (controller.go processNextCronItem):
 * each schedule with `CRON_TZ=<spec.timezone> ` in front when a zone is set, in order; the first one robfig
 * refuses stops the adding, and the schedules after it are not added either.
 */
function engineSchedules(
  spec: JsonObject,
  texts: ScheduleText[],
  rules: ArgoCronRules,
  controllerZone: string,
  found: Found
): CronSchedule[] {
  const problem = (level: 'error' | 'warning', field: string, message: string) =>
    found.problems.push({ level, field, message });
  if (texts.length === 0) {
    // Only v3.6–v3.7 get here: their validation loops over no schedule and passes.
    problem('error', 'spec.schedule', M.noScheduleAccepted(rules.name));
    return [];
  }
  const specZone = typeof spec.timezone === 'string' && spec.timezone !== '' ? spec.timezone : undefined;
  let zoneOfSpec: string | undefined;
  if (specZone !== undefined) {
    const location = goLoadLocation(specZone, controllerZone);
    if ('error' in location) {
      // Validation did not check the zone (before v3.7.12 / v4.0.3): adding the first schedule fails.
      problem(
        'error',
        'spec.timezone',
        `${zoneHint(specZone)}: ${M.notAdded(rules.name, `provided bad location ${specZone}: ${location.error}`, 'every schedule')}`
      );
      return [];
    }
    zoneOfSpec = location.zone;
    if (specZone === 'Local') {
      found.notes.push({ field: 'spec.timezone', message: M.localZone(controllerZone) });
    }
  }
  const schedules: CronSchedule[] = [];
  for (const [i, { field, text }] of texts.entries()) {
    const added = specZone !== undefined ? `CRON_TZ=${specZone} ${text}` : text;
    const syntax = readScheduleSyntax(added);
    const refused = parseError(added, syntax, controllerZone);
    if (refused) {
      const what = i + 1 < texts.length ? `"${text}" and the schedules after it` : `"${text}"`;
      const why = readScheduleSyntax(text).zone ? M.zoneTwice(text) : `"${text}"`;
      problem('error', field, `${why}: ${M.notAdded(rules.name, refused.error, what)}`);
      break;
    }
    const own = specZone === undefined ? readScheduleSyntax(text).zone : undefined;
    const timeZone = own ? goZone(own.name, controllerZone) : (zoneOfSpec ?? controllerZone);
    const timeZoneFrom = own ? own.prefix : specZone !== undefined ? 'spec.timezone' : 'controller default';
    if (syntax.kind === 'every') {
      problem('warning', field, M.every(text));
      schedules.push({ field, text, timeZone, timeZoneFrom, everySeconds: syntax.everySeconds });
    } else if (syntax.kind === 'never') {
      problem('warning', field, M.neverFires(text));
    } else if (syntax.kind === 'cron') {
      const unusable = cronParserProblem(syntax.cron);
      if (unusable === 'never fires') {
        problem('warning', field, M.neverFires(text));
      } else if (unusable) {
        problem('warning', field, M.cronParserRejects(text, unusable));
      } else {
        schedules.push({ field, text, timeZone, timeZoneFrom, cron: syntax.cron });
      }
    }
  }
  if (schedules.some((s) => s.timeZoneFrom === 'controller default')) {
    found.notes.push({ field: 'spec.timezone', message: M.controllerZone(controllerZone) });
  }
  return schedules;
}

/** The zone of a CRON_TZ=/TZ= prefix that passed robfig's LoadLocation. */
function goZone(name: string, controllerZone: string): string {
  const location = goLoadLocation(name, controllerZone);
  return 'zone' in location ? location.zone : controllerZone;
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
function noteScheduleChange(texts: ScheduleText[], specZone: unknown, metadata: JsonObject, found: Found): void {
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
