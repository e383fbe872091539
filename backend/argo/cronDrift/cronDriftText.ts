/** The words of the cronDrift query's own notices, in one place so the tests read the same text. */

/** How a Grafana alert rule sees a missed value left empty (null). */
const ALERT_READING =
  'its missed value is empty (null): an alert rule evaluates that cron as No Data, and the rule’s “Alert state if no data or all values are null” decides (No Data, Alerting, Normal or Keep Last State)';

export const CRON_DRIFT_TEXT = {
  liveOnly:
    'No listed run is archived: the workflow archive seems to be off, so the controller deletes old runs (spec.successfulJobsHistoryLimit, TTLs). ' +
    'Ticks older than a cron’s oldest listed run show as unknown-pruned, not missed. Turn on the workflow archive for a full history.',
  /** `crons` names them (namedCrons). */
  missedCapped: (crons: string, maxTicks: number) =>
    `No whole-range missed count for ${crons}: the time range holds more than ${maxTicks} ticks of each such cron, so only its latest ${maxTicks} were evaluated; ${ALERT_READING}. ` +
    'meta.custom.missedAtLeast has the count of the evaluated window (evaluatedFrom–evaluatedTo). Narrow the time range to get a number.',
  missedUnknown: (crons: string) =>
    `No missed count for ${crons}: Argo rejects the cron, runs no schedule with fixed ticks, or may skip any tick by spec.when, so no missed tick can be told (the notices about each say why and what to fix); ${ALERT_READING}. meta.custom.reason says why; alert on sinceSuccess for these.`,
  noPeriod: (crons: string) =>
    `No period for ${crons}: the time range holds fewer than two of its ticks (or none can be expected), so the time since its last success cannot be counted in periods; ` +
    'an alert rule evaluates that cron as No Data. Widen the time range to hold two ticks (more than one week for a weekly cron), or alert on sinceSuccess in seconds.',
  argoVersion: (assumption: string) => `${assumption.charAt(0).toUpperCase()}${assumption.slice(1)}.`,
} as const;
