import { parseArgoVersion, versionAtLeast } from '../client/serverVersion';

/**
 * What a CronWorkflow means to the Argo version that runs it, read from Argo's source
 * (pkg/apis/workflow/v1alpha1/cron_workflow_types.go, workflow/validate/validate.go ValidateCronWorkflow,
 * workflow/cron/controller.go processNextCronItem, workflow/cron/operator.go) at each tag v3.4.0 … v4.1.2.
 */
export interface ArgoCronRules {
  /** How messages name the version: "Argo v3.7.12", or "Argo v4.1 (assumed)". */
  name: string;
  /** Set when the version is not one we know (not detected, a dev build, outside v3.4–v4.1): what we assumed and why. */
  assumption?: string;
  /**
   * The schedule fields the version's Go type has: v3.4–v3.5 `schedule` only (the server drops `schedules`);
   * v3.6–v3.7 both (validation rejects both set; `schedule` wins when non-empty); v4.0+ `schedules` only.
   */
  fields: 'schedule' | 'both' | 'schedules';
  /** Validation checks spec.timezone with time.LoadLocation: v3.7.12+ in 3.7, v4.0.3+ (validate.go "invalid timezone"). */
  validatesTimezone: boolean;
  /** spec.when, spec.stopStrategy and status.phase exist (v3.6+); older servers drop them. */
  hasWhenAndStop: boolean;
  /** The validation error of a malformed schedule: v3.6+ names the schedule, v3.4–v3.5 does not. */
  malformed: (schedule: string, why: string) => string;
}

/** The newest version whose cron code we read; unknown versions are read as this one. */
export const NEWEST_KNOWN = { major: 4, minor: 1, text: 'v4.1' };
const OLDEST_KNOWN = { major: 3, minor: 4, text: 'v3.4' };

/** The rules of a version string as /api/v1/version reports it ("v3.7.12"); undefined: not detected. */
export function argoCronRules(versionText: string | undefined): ArgoCronRules {
  const parsed = parseArgoVersion(versionText);
  const text = versionText?.trim() ?? '';
  let version = parsed;
  let name = `Argo ${text.startsWith('v') ? text : `v${text}`}`;
  let assumption: string | undefined;
  // "v0.0.0…" is what an untagged (dev) build reports.
  if (versionText === undefined || !parsed.known || parsed.major === 0) {
    version = { major: NEWEST_KNOWN.major, minor: NEWEST_KNOWN.minor, patch: 99, known: false };
    name = `Argo ${NEWEST_KNOWN.text} (assumed)`;
    assumption =
      versionText === undefined
        ? `the Argo Server version is not known; CronWorkflows are read as Argo ${NEWEST_KNOWN.text} reads them`
        : `the Argo Server reports version "${versionText}", not a release; CronWorkflows are read as Argo ${NEWEST_KNOWN.text} reads them`;
  } else if (!versionAtLeast(parsed, OLDEST_KNOWN.major, OLDEST_KNOWN.minor, 0)) {
    assumption = `${name} is older than ${OLDEST_KNOWN.text}; CronWorkflows are read as Argo ${OLDEST_KNOWN.text} reads them`;
    version = { major: OLDEST_KNOWN.major, minor: OLDEST_KNOWN.minor, patch: 0, known: true };
  } else if (versionAtLeast(parsed, NEWEST_KNOWN.major, NEWEST_KNOWN.minor + 1, 0)) {
    assumption = `${name} is newer than ${NEWEST_KNOWN.text}; CronWorkflows are read as Argo ${NEWEST_KNOWN.text} reads them`;
    version = { major: NEWEST_KNOWN.major, minor: NEWEST_KNOWN.minor, patch: 99, known: true };
  }
  const atLeast = (major: number, minor: number, patch = 0) => versionAtLeast(version, major, minor, patch);
  const v36 = atLeast(3, 6);
  return {
    name,
    assumption,
    fields: atLeast(4, 0) ? 'schedules' : v36 ? 'both' : 'schedule',
    validatesTimezone: atLeast(4, 0, 3) || (atLeast(3, 7, 12) && !atLeast(4, 0)),
    hasWhenAndStop: v36,
    malformed: v36
      ? (schedule, why) => `cron schedule ${schedule} is malformed: ${why}`
      : (_schedule, why) => `cron schedule is malformed: ${why}`,
  };
}
