/**
 * Types of the cron drift report: what we read from a CronWorkflow, the runs we are given, and what we
 * say about each expected tick and each run. All times are epoch milliseconds (UTC instants).
 */

/** Half-open time range [fromMs, toMs). */
export interface TimeRange {
  fromMs: number;
  toMs: number;
}

/**
 * A Workflow as the drift report needs it: metadata and status times of one run, as the Argo list API gives
 * them (`items.metadata.*`, `items.status.{phase,startedAt,finishedAt}`). Timestamps are RFC 3339 strings;
 * unset ones may be null or absent.
 */
export interface RunSummary {
  name: string;
  uid?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  /** Pending, Running, Succeeded, Failed, Error, or empty before the controller has seen the run. */
  phase?: string | null;
}

/** error: Argo would not run (part of) the cron, or we cannot compute it. warning: results may be off. */
export type ProblemLevel = 'error' | 'warning';

export interface CronProblem {
  level: ProblemLevel;
  /** The field the problem is about, as a path in the object: `spec.schedules[1]`, `spec.timezone`, `runs`. */
  field: string;
  message: string;
}

/** An assumption we made (not a fault of the object), shown so the numbers can be read correctly. */
export interface CronNote {
  field: string;
  message: string;
}

export type ConcurrencyPolicy = 'Allow' | 'Forbid' | 'Replace';

/** One schedule string of a CronWorkflow, ready to compute ticks from. */
export interface CronSchedule {
  /** Where it came from: `spec.schedules[0]` or `spec.schedule`. */
  field: string;
  /** As written in the object. */
  text: string;
  /** The IANA zone the schedule's wall-clock times are in. */
  timeZone: string;
  timeZoneFrom: 'spec.timezone' | 'CRON_TZ' | 'TZ' | 'controller default';
  /** The 5-field cron expression handed to cron-parser (descriptors expanded); absent for `@every`. */
  cron?: string;
  /** `@every <duration>` in seconds: its ticks depend on when the controller loaded the cron, so none are expected. */
  everySeconds?: number;
}

/** What `readCronSchedules` reads from a CronWorkflow object. */
export interface CronSchedules {
  name: string;
  namespace?: string;
  uid?: string;
  createdMs?: number;
  /** The Argo version whose rules the cron was read with: "Argo v3.7.12", or "Argo v4.1 (assumed)". */
  argoVersion: string;
  /** The schedules Argo would run; empty when it runs none. */
  schedules: CronSchedule[];
  /** True when Argo's validation rejects the whole CronWorkflow (SpecError): the controller schedules nothing. */
  rejected: boolean;
  suspended: boolean;
  /** `status.phase` is Stopped: `spec.stopStrategy` fired and the controller no longer schedules it. */
  stopped: boolean;
  /** `spec.when` (v3.6+): the controller skips a tick whose condition is false, leaving no trace we can read. */
  conditional: boolean;
  startingDeadlineSeconds?: number;
  concurrencyPolicy: ConcurrencyPolicy;
  lastScheduledMs?: number;
  /** Names in `status.active`. */
  activeRuns: string[];
  successfulJobsHistoryLimit: number;
  failedJobsHistoryLimit: number;
  problems: CronProblem[];
  notes: CronNote[];
}

export type RunTiming = 'on-time' | 'late' | 'late-beyond-deadline' | 'not-started';

export interface RunTimes {
  name: string;
  uid?: string;
  namespace?: string;
  phase: string;
  createdMs?: number;
  startedMs?: number;
  finishedMs?: number;
  /** start − creation. */
  pendingMs?: number;
  /** finish − start; for a run still going, now − start. */
  durationMs?: number;
  running: boolean;
  /** With concurrencyPolicy Replace: the run whose tick stopped this one. */
  replacedBy?: string;
}

/** A run the cron engine created for a tick. */
export interface ScheduledRun extends RunTimes {
  scheduledMs: number;
  scheduledFrom: 'annotation' | 'name';
  /** False when the tick is not one the current schedules produce (schedule changed, `@every`, controller not in UTC). */
  onExpectedTick: boolean;
  /** start − scheduled. */
  startDelayMs?: number;
  timing: RunTiming;
  notes: string[];
}

/** A run of this cron that no tick created (`argo submit --from cronwf/...`, `argo cron backfill`). */
export interface ManualRun extends RunTimes {
  reason: string;
}

export type TickStatus =
  | 'ran'
  /** No run listed, but `status.lastScheduledTime` says the controller submitted it (since deleted). */
  | 'submitted-not-listed'
  | 'missed'
  /** Past, but within the grace period or starting deadline: the controller may still start it. */
  | 'pending'
  | 'upcoming'
  | 'skipped-forbid'
  | 'suspended'
  | 'stopped'
  | 'before-creation'
  /** Older than every run we were given while the history is known to be pruned: we cannot tell. */
  | 'unknown-pruned';

export interface TickReport {
  scheduledMs: number;
  status: TickStatus;
  /** Names of the scheduled runs for this tick. */
  runs: string[];
  /** For skipped-forbid: the run that was still active. */
  blockedBy?: string;
}

export interface CronDriftCounts {
  ticks: number;
  ran: number;
  missed: number;
  pending: number;
  upcoming: number;
  skippedForbid: number;
  /** Ticks not run because the cron is suspended, or stopped by its stopStrategy. */
  suspended: number;
  /** Scheduled runs whose tick is in the range. */
  runs: number;
  manualRuns: number;
  /** Runs later than the grace period (including those beyond the deadline). */
  late: number;
  lateBeyondDeadline: number;
  replaced: number;
  /** Runs given that do not belong to this cron (other label or namespace). */
  ignoredRuns: number;
}

export interface LastSuccess {
  name: string;
  finishedMs: number;
  /** now − finish. */
  sinceMs: number;
}

/** The CronWorkflow as read, without its problems and notes (the report carries those). */
export type CronInfo = Omit<CronSchedules, 'problems' | 'notes'>;

export interface CronDriftReport {
  cron: CronInfo;
  range: TimeRange;
  nowMs: number;
  ticks: TickReport[];
  runs: ScheduledRun[];
  manualRuns: ManualRun[];
  lastSuccess?: LastSuccess;
  counts: CronDriftCounts;
  /**
   * The part of the range the report covers: the whole range, or, when the range held more than maxTicks
   * ticks (`capped`), from the first of its latest maxTicks ticks to the end. Ticks, runs and counts are
   * of this window only.
   */
  evaluated: TimeRange;
  capped: boolean;
  problems: CronProblem[];
  notes: CronNote[];
}

export interface CronDriftOptions {
  /** How long after a tick a run may start and still be on time, and a tick without a run is not yet missed. Default 60 s. */
  graceMs?: number;
  /** How long a finished run may still count as active for Forbid (the controller's CRON_SYNC_PERIOD). Default 10 s. */
  activeLagMs?: number;
  /** The run list is pruned by the history limits (no workflow archive): older ticks are unknown, not missed. */
  prunedHistory?: boolean;
  /** Evaluate at most this many ticks, the latest ones. Default DEFAULT_MAX_TICKS (50 000). */
  maxTicks?: number;
  /** The Argo Server's version ("v3.7.12"): the cron is read as that version reads it. Unknown: the newest. */
  argoVersion?: string;
  /**
   * The workflow controller's time zone (its TZ), for schedules without spec.timezone or CRON_TZ=.
   * Default UTC, the zone of Argo's controller image.
   */
  controllerTimeZone?: string;
}
