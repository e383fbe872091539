import { isObject, type JsonObject } from '../extract/argoFields';
import type { ArgoCronRules } from './argoCronRules';
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
  | 'conditional'
  | 'startingDeadlineSeconds'
  | 'concurrencyPolicy'
  | 'lastScheduledMs'
  | 'activeRuns'
  | 'successfulJobsHistoryLimit'
  | 'failedJobsHistoryLimit'
>;

export const CONCURRENCY_POLICIES: readonly ConcurrencyPolicy[] = ['Allow', 'Forbid', 'Replace'];

/**
 * The fields that decide which ticks run (suspend, deadline, concurrency, stop) and what the status says.
 * Values Argo's validation rejects are reported by argoValidation; here they fall back to the defaults.
 */
export function readCronPolicy(spec: JsonObject, status: JsonObject, rules: ArgoCronRules, found: Found): CronPolicy {
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

  const deadline = spec.startingDeadlineSeconds;
  const deadlineOk = typeof deadline === 'number' && Number.isFinite(deadline);
  if (!deadlineOk && deadline !== undefined && deadline !== null) {
    warn('spec.startingDeadlineSeconds', M.deadlineNotNumber);
  }
  const policy = spec.concurrencyPolicy;
  const concurrencyPolicy = CONCURRENCY_POLICIES.includes(policy as ConcurrencyPolicy)
    ? (policy as ConcurrencyPolicy)
    : 'Allow';

  // when, stopStrategy and status.phase came with v3.6; older servers drop them (their Go type lacks them).
  const when = typeof spec.when === 'string' && spec.when.trim() !== '';
  if (when) {
    found.notes.push({
      field: 'spec.when',
      message: rules.hasWhenAndStop ? M.when(rules.name) : M.ignoredField(rules.name, 'spec.when', 'every tick runs'),
    });
  }
  if (spec.stopStrategy !== undefined && spec.stopStrategy !== null && !rules.hasWhenAndStop) {
    found.notes.push({
      field: 'spec.stopStrategy',
      message: M.ignoredField(rules.name, 'spec.stopStrategy', 'the cron never stops by itself'),
    });
  }
  readConditions(status, rules, found);
  const active = Array.isArray(status.active) ? status.active : [];
  return {
    suspended,
    stopped: rules.hasWhenAndStop && status.phase === 'Stopped',
    conditional: rules.hasWhenAndStop && when,
    startingDeadlineSeconds: deadlineOk && deadline >= 0 ? deadline : undefined,
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

/**
 * A true SpecError is the controller's own verdict (operator.go run → validateCronWorkflow): no tick runs
 * while it holds, so the cron is rejected. Other conditions (SubmissionError) explain ticks without runs.
 */
function readConditions(status: JsonObject, rules: ArgoCronRules, found: Found): void {
  const conditions = Array.isArray(status.conditions) ? status.conditions : [];
  for (const condition of conditions) {
    if (isObject(condition) && typeof condition.type === 'string' && condition.status === 'True') {
      const message = typeof condition.message === 'string' ? condition.message : '';
      if (condition.type === 'SpecError') {
        found.problems.push({
          level: 'error',
          field: 'status.conditions',
          message: M.specErrorCondition(rules.name, message),
        });
        found.rejected = true;
        continue;
      }
      found.problems.push({
        level: 'warning',
        field: 'status.conditions',
        message: M.condition(condition.type, message),
      });
    }
  }
}
