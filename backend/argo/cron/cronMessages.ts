/** The words of cron drift problems and notes, in one place so the UI and the tests read the same text. */

export const CRON_MESSAGES = {
  notAnObject: (got: string) =>
    `is not a CronWorkflow object (got ${got}); pass the object from /api/v1/cron-workflows`,
  notACronWorkflow: (kind: string) => `kind is "${kind}", not CronWorkflow; the drift report may not mean anything`,
  noName: 'is missing: runs are matched to a cron by its name; pass the whole CronWorkflow object',
  badTimestamp: (value: string) => `"${value}" is not an RFC 3339 time; it is ignored`,
  noSpec: 'is missing: without it there is no schedule; pass the whole CronWorkflow object',
  notAString: (version: string) =>
    `is not a string: ${version} cannot decode the CronWorkflow (its controller logs "malformed cron workflow") and schedules nothing; write it as a string`,
  notAList: (version: string) =>
    `is not a list of strings: ${version} cannot decode the CronWorkflow and schedules nothing; write a list of schedule strings`,
  /** A check of Argo's ValidateCronWorkflow failed: the controller never adds the cron to its cron engine. */
  rejected: (version: string, argoError: string, hint?: string) =>
    `${hint ? `${hint}: ` : ''}${version} rejects the CronWorkflow ("${argoError}"), so its controller schedules nothing and no tick is expected or missed; fix it`,
  parserPanics: (version: string, text: string, panic: string) =>
    `"${text}": the cron parser of ${version} (robfig/cron) panics on it ("${panic}") instead of rejecting it, so nothing of the CronWorkflow runs; put a space and the schedule after the zone`,
  specErrorCondition: (version: string, message: string) =>
    `has SpecError "${message}": ${version} failed to validate the CronWorkflow and runs none of its ticks, so none is expected or missed; fix the spec (the condition clears at the first tick after the fix)`,
  scheduleDeprecated: (version: string) =>
    `is deprecated in ${version} and removed in Argo v4.0 (whose server drops it): move it to spec.schedules`,
  ignoredField: (version: string, field: string, instead: string) =>
    `is set, but ${version} has no ${field} field (its server drops it); ${instead}`,
  noScheduleAccepted: (version: string) =>
    `and spec.schedules are both empty: ${version} accepts the CronWorkflow without an error and schedules nothing, so no tick is expected; add a schedule`,
  notAdded: (version: string, argoError: string, what: string) =>
    `${version} passes validation but its cron engine refuses ${what} ("${argoError}"); the controller only logs "could not schedule CronWorkflow": no run, no condition, so no tick of it is expected; fix it`,
  zoneTwice: (text: string) =>
    `"${text}" has its own CRON_TZ=/TZ= prefix while spec.timezone is set: the controller prefixes CRON_TZ= again`,
  zoneCase: (zone: string, canonical: string) =>
    `"${zone}" differs from "${canonical}" only in case; Go's time zone lookup is case-sensitive`,
  neverFires: (text: string) =>
    `"${text}" never fires (no date matches, e.g. 30 February, or a field has no value); Argo accepts it but creates no runs; fix it`,
  cronParserRejects: (text: string, why: string) =>
    `"${text}" is valid for Argo but our cron library cannot compute it (${why}); its ticks are left out`,
  every: (text: string) =>
    `"${text}": @every counts from when the controller last (re)loaded the cron, so its ticks cannot be known in advance; no ticks are expected for it, its runs are still listed`,
  localZone: (zone: string) => `is "Local": the workflow controller's own time zone; we assume ${zone}`,
  controllerZone: (zone: string) =>
    `is not set: Argo evaluates the schedules in the workflow controller's local time zone; we assume ${zone}` +
    (zone === 'UTC' ? " (the controller image's default)" : ''),
  badControllerZone: (zone: string) => `"${zone}" is not an IANA time zone name; we use UTC`,
  deadlineNotNumber: 'is not a number; it is ignored',
  suspendNotBoolean: 'is true or false in Argo; this value is taken as false',
  when: (version: string) =>
    `is set: ${version} skips a tick whose condition is false and leaves no trace of it, so such ticks show as missed in the runs and delay views, and the missed view answers no value (alert on sinceSuccess instead)`,
  scheduleChanged: (used: string) =>
    `says the controller last ran "${used}", not the current schedules: runs before the change follow the old schedule and the new one's earlier ticks may show as missed`,
  condition: (type: string, message: string) => `${type}: ${message}`,
  suspendedLimit:
    'is true: we only know the current value, so ticks after status.lastScheduledTime count as suspended and earlier ones without a run as missed',
  badRange: 'must be finite epoch milliseconds with fromMs < toMs; no ticks computed',
  badNow: 'must be finite epoch milliseconds; no tick statuses computed',
  capped: (maxTicks: number) =>
    `holds more than ${maxTicks} ticks of this cron: only its latest ${maxTicks} are evaluated, with their runs, in every view; its missed count is therefore not the whole range's (the missed view answers no value for it, meta.custom says from when it counted); narrow the time range`,
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
