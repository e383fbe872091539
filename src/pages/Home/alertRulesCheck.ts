import type { CheckLine } from './checkLine';
import { failureReason, grafanaApi } from './grafanaApi';
import { homeText } from './homeText';

/**
 * The rules of provisioning/alerting/argo-workflows-performance.yaml (a test keeps this list equal to
 * the file). A rule counts as provisioned when Grafana has one with its uid or its title (imported by
 * hand, a rule gets a new uid).
 */
export const OUR_ALERT_RULES = [
  { uid: 'argoperf-workflow-slower', title: 'Workflow slower than its baseline' },
  { uid: 'argoperf-step-slower', title: 'Step slower than its baseline' },
  { uid: 'argoperf-failure-rate', title: 'Failure rate above its baseline and above 10 %' },
  { uid: 'argoperf-run-overrun', title: 'Run still running past its own p95' },
  { uid: 'argoperf-cron-late', title: 'Cron workflow started late' },
  { uid: 'argoperf-cron-missed', title: 'Cron workflow missed a scheduled run' },
  { uid: 'argoperf-cron-no-success', title: 'Cron workflow without success for more than two periods' },
  { uid: 'argoperf-history-stale', title: 'History not updated for 30 minutes' },
  { uid: 'argoperf-step-cpu', title: 'Step above 8 cores (resourcesDuration)' },
  { uid: 'argoperf-step-memory', title: 'Step above 28 GiB (resourcesDuration)' },
  { uid: 'argoperf-pod-cpu-measured', title: 'Workflow pod above 8 cores for 15 minutes (Prometheus)' },
  { uid: 'argoperf-pod-memory-measured', title: 'Workflow pod above 28 GiB (Prometheus)' },
];

export const ALERT_RULES_URL = '/alerting/list';

/** Which of our alert rules Grafana holds, by its provisioning API (GET /api/v1/provisioning/alert-rules). */
export async function checkAlertRules(): Promise<CheckLine[]> {
  const answer = await grafanaApi<Array<{ uid?: string; title?: string }>>({ method: 'GET', url: '/api/v1/provisioning/alert-rules' });
  const open = { label: homeText.alertRules.open, href: ALERT_RULES_URL };
  if (answer.status === 401 || answer.status === 403) {
    return [{ key: 'alert-rules', status: 'warning', text: homeText.alertRules.forbidden }];
  }
  if (!answer.ok || !Array.isArray(answer.data)) {
    return [{ key: 'alert-rules', status: 'warning', text: homeText.alertRules.failed(failureReason(answer.status, answer.data)), action: open }];
  }
  const uids = new Set(answer.data.map((rule) => rule.uid));
  const titles = new Set(answer.data.map((rule) => rule.title));
  const missing = OUR_ALERT_RULES.filter((rule) => !uids.has(rule.uid) && !titles.has(rule.title));
  if (missing.length === 0) {
    return [{ key: 'alert-rules', status: 'ok', text: homeText.alertRules.all(OUR_ALERT_RULES.length) }];
  }
  return [
    {
      key: 'alert-rules',
      status: 'warning',
      text: homeText.alertRules.missing(missing.length, OUR_ALERT_RULES.length, missing.map((rule) => rule.title)),
      action: { label: homeText.alertRules.action, href: ALERT_RULES_URL },
    },
  ];
}
