import { isObject, type JsonObject } from '../extract/argoFields';
import { rfc3339Ms } from './cronJson';
import { CRON_MESSAGES as M } from './cronMessages';
import type { ConcurrencyPolicy, CronNote, CronProblem, CronSchedules } from './cronTypes';

/** What reading a CronWorkflow found wrong so far. */
export interface Found {
  problems: CronProblem[];
  notes: CronNote[];
  /** Set when Argo's validation would reject the whole CronWorkflow. */
  rejected: boolean;
}

export type CronPolicy = Pick<
  CronSchedules,
  | 'suspended'
  | 'stopped'
  | 'startingDeadlineSeconds'
  | 'concurrencyPolicy'
  | 'lastScheduledMs'
  | 'activeRuns'
  | 'successfulJobsHistoryLimit'
  | 'failedJobsHistoryLimit'
>;

const POLICIES: ConcurrencyPolicy[] = ['Allow', 'Forbid', 'Replace'];

/** The fields that decide which ticks run (suspend, deadline, concurrency) and what the status says. */
export function readCronPolicy(spec: JsonObject, status: JsonObject, found: Found): CronPolicy {
  const error = (field: string, message: string) => {
    found.problems.push({ level: 'error', field, message });
    found.rejected = true;
  };
  const warn = (field: string, message: string) => found.problems.push({ level: 'warning', field, message });

  let suspended = false;
  if (typeof spec.suspend === 'boolean') {
    suspended = spec.suspend;
  } else if (spec.suspend !== undefined && spec.suspend !== null) {
    warn('spec.suspend', M.suspendNotBoolean);
  }
  if (suspended) {
    found.notes.push({ field: 'spec.suspend', message: M.suspendedLimit });
  }

  let startingDeadlineSeconds: number | undefined;
  const deadline = spec.startingDeadlineSeconds;
  if (typeof deadline === 'number' && Number.isFinite(deadline)) {
    if (deadline < 0) {
      error('spec.startingDeadlineSeconds', M.badDeadline);
    } else {
      startingDeadlineSeconds = deadline;
    }
  } else if (deadline !== undefined && deadline !== null) {
    warn('spec.startingDeadlineSeconds', M.deadlineNotNumber);
  }

  let concurrencyPolicy: ConcurrencyPolicy = 'Allow';
  const policy = spec.concurrencyPolicy;
  if (POLICIES.includes(policy as ConcurrencyPolicy)) {
    concurrencyPolicy = policy as ConcurrencyPolicy;
  } else if (policy !== undefined && policy !== null && policy !== '') {
    error('spec.concurrencyPolicy', M.badPolicy(String(policy)));
  }

  if (typeof spec.when === 'string' && spec.when.trim() !== '') {
    found.notes.push({ field: 'spec.when', message: M.when });
  }
  readConditions(status, found);
  const active = Array.isArray(status.active) ? status.active : [];
  return {
    suspended,
    stopped: status.phase === 'Stopped',
    startingDeadlineSeconds,
    concurrencyPolicy,
    lastScheduledMs: rfc3339Ms(status.lastScheduledTime),
    activeRuns: active.flatMap((ref) => (isObject(ref) && typeof ref.name === 'string' ? [ref.name] : [])),
    successfulJobsHistoryLimit: historyLimit(spec.successfulJobsHistoryLimit, 3),
    failedJobsHistoryLimit: historyLimit(spec.failedJobsHistoryLimit, 1),
  };
}

/** Argo's defaults: 3 succeeded and 1 failed run are kept (operator.go, enforceHistoryLimit). */
function historyLimit(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** SpecError and SubmissionError conditions explain ticks without runs, so they are passed on. */
function readConditions(status: JsonObject, found: Found): void {
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  for (const condition of conditions) {
    if (isObject(condition) && typeof condition.type === 'string' && condition.status === 'True') {
      const message = typeof condition.message === 'string' ? condition.message : '';
      found.problems.push({
        level: 'warning',
        field: 'status.conditions',
        message: M.condition(condition.type, message),
      });
    }
  }
}
