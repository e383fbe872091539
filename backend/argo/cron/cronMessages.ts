/** The words of cron drift problems and notes, in one place so the UI and the tests read the same text. */

export const CRON_MESSAGES = {
  notAnObject: (got: string) =>
    `is not a CronWorkflow object (got ${got}); pass the object from /api/v1/cron-workflows`,
  notACronWorkflow: (kind: string) => `kind is "${kind}", not CronWorkflow; the drift report may not mean anything`,
  noName: 'is missing: runs are matched to a cron by its name; pass the whole CronWorkflow object',
  badTimestamp: (value: string) => `"${value}" is not an RFC 3339 time; it is ignored`,
  noSpec: 'is missing: without it there is no schedule; pass the whole CronWorkflow object',
  noSchedule:
    'has no schedule: Argo rejects a CronWorkflow without one, so nothing runs; add a cron expression to spec.schedules',
  notAString: 'is not a string; Argo rejects the CronWorkflow; write the schedule as a string',
  notAList: 'is not a list of strings; Argo rejects the CronWorkflow',
  bothScheduleFields:
    'and spec.schedules are both set: Argo v3.6 rejects that, v3.7 uses spec.schedule and ignores spec.schedules; we follow v3.7; keep only spec.schedules',
  scheduleDeprecated: 'is deprecated since Argo v3.6 and removed in v4.0: move it to spec.schedules',
  badSchedule: (text: string, why: string) =>
    `"${text}" is not a schedule Argo accepts (${why}); Argo rejects the whole CronWorkflow, so none of its schedules run; fix it`,
  neverFires: (text: string) =>
    `"${text}" never fires (no date matches, e.g. 30 February); Argo accepts it but creates no runs; fix the day or month`,
  cronParserRejects: (text: string, why: string) =>
    `"${text}" is valid for Argo but our cron library cannot compute it (${why}); its ticks are left out`,
  every: (text: string) =>
    `"${text}": @every counts from when the controller last (re)loaded the cron, so its ticks cannot be known in advance; no ticks are expected for it, its runs are still listed`,
  zoneTwice: (text: string) =>
    `"${text}" has its own CRON_TZ=/TZ= prefix and spec.timezone is set too: the controller prefixes CRON_TZ= again and fails to add this schedule and the ones after it; keep the zone in one place`,
  unknownZone: (zone: string) =>
    `"${zone}" is not an IANA time zone name (e.g. Europe/Berlin); Argo rejects the CronWorkflow, so nothing runs`,
  zoneCase: (zone: string, canonical: string) =>
    `"${zone}" differs from "${canonical}" only in case; Go's time zone lookup is case-sensitive, so Argo rejects the CronWorkflow`,
  localZone: (zone: string) => `is "Local": the workflow controller's own time zone; we assume ${zone}`,
  controllerZone: (zone: string) =>
    `is not set: Argo evaluates the schedules in the workflow controller's local time zone; we assume ${zone}` +
    (zone === 'UTC' ? " (the controller image's default)" : ''),
  badControllerZone: (zone: string) => `"${zone}" is not an IANA time zone name; we use UTC`,
  badDeadline: 'is negative: Argo rejects the CronWorkflow ("startingDeadlineSeconds must be positive")',
  deadlineNotNumber: 'is not a number; it is ignored',
  badPolicy: (policy: string) => `"${policy}" is not Allow, Forbid or Replace: Argo rejects the CronWorkflow`,
  suspendNotBoolean: 'is not true or false; we take it as false',
  when: 'is set: ticks its condition skipped are reported as missed, because we cannot evaluate it here',
  scheduleChanged: (used: string) =>
    `says the controller last ran "${used}", not the current schedules: runs before the change follow the old schedule and the new one's earlier ticks may show as missed`,
  condition: (type: string, message: string) => `${type}: ${message}`,
  suspendedLimit:
    'is true: we only know the current value, so ticks after status.lastScheduledTime count as suspended and earlier ones without a run as missed',
  badRange: 'must be finite epoch milliseconds with fromMs < toMs; no ticks computed',
  badNow: 'must be finite epoch milliseconds; no tick statuses computed',
  truncated: (maxTicks: number) => `holds more than ${maxTicks} ticks; we stopped there; narrow the time range`,
  maybePruned: (success: number, failed: number) =>
    `ticks older than the oldest listed run show as missed, but the controller keeps only ${success} succeeded and ${failed} failed runs (spec.successfulJobsHistoryLimit/failedJobsHistoryLimit): without the workflow archive those runs may have been deleted; pass prunedHistory to report them as unknown`,
} as const;

export const RUN_MESSAGES = {
  noMarks:
    'has no scheduled-time annotation and its name is not <cron>-<unix seconds>: submitted by hand (argo submit --from cronwf/…)',
  offTick: (when: string) =>
    `name is not <cron>-<unix seconds> and its scheduled-time ${when} is not a tick of the schedules: submitted by hand (argo submit --from cronwf/…) or by argo cron backfill`,
  createdBeforeTick: (when: string) =>
    `was created before the time in its name (${when}): not a run the cron engine created`,
  annotationOnly: 'name is not <cron>-<unix seconds>; its scheduled-time annotation is a tick of the schedules',
  disagree: (annotation: string, fromName: string) =>
    `scheduled-time annotation ${annotation} and name (${fromName}) disagree; we use the name (spec.workflowMetadata.annotations can override the annotation, not the name)`,
  badAnnotation: (value: string) => `scheduled-time annotation "${value}" is not an RFC 3339 time; the name is used`,
  offSchedule:
    'its tick is not one of the current schedules (the schedule changed, @every, or the controller is not in UTC)',
  noLabels: 'has no labels (e.g. a v3.4 archive listing); matched to the cron by its name',
  duplicateTick: (others: string[]) => `shares its tick with ${others.join(', ')}`,
} as const;
