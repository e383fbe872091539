import fs from 'fs';
import path from 'path';

import yaml from 'js-yaml';

import { parseQuery } from '../query/parseQuery';

/**
 * The provisioned alert rules as Grafana's file provisioning reads them (pkg/services/provisioning/alerting:
 * AlertRuleGroupV1 / AlertRuleV1 / QueryV1), checked against the shared query model and docs/alerts.md.
 */
const root = path.join(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const rulesFile = yaml.load(read('provisioning/alerting/argo-workflows-performance.yaml')) as RulesFile;
const alertsDoc = read('docs/alerts.md');
const ourDatasource = (yaml.load(read('provisioning/datasources/argo-workflows-performance.yaml')) as DatasourcesFile).datasources[0];
const prometheus = (yaml.load(read('provisioning/datasources/prometheus.yaml')) as DatasourcesFile).datasources[0];

interface DatasourcesFile {
  datasources: Array<{ uid: string; type: string }>;
}
interface Query {
  refId: string;
  queryType?: string;
  datasourceUid: string;
  relativeTimeRange?: { from: number; to: number };
  model: Record<string, any>;
}
interface Rule {
  uid: string;
  title: string;
  condition: string;
  data: Query[];
  noDataState: string;
  execErrState: string;
  for: string;
  isPaused?: boolean;
  annotations: Record<string, string>;
  labels?: Record<string, string>;
}
interface RulesFile {
  apiVersion: number;
  groups: Array<{ orgId: number; name: string; folder: string; interval: string; rules: Rule[] }>;
}

const rules = rulesFile.groups.flatMap((group) => group.rules);
const EXPRESSION_UID = '__expr__';
const ours = (rule: Rule) => rule.data.filter((q) => q.datasourceUid === ourDatasource.uid);
// Prometheus's duration syntax, as Grafana parses `interval` and `for` (model.ParseDuration).
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

describe('provisioning/alerting: the file Grafana provisions', () => {
  test('has Grafana\'s required fields: apiVersion 1, groups with name, folder, interval and rules', () => {
    expect(rulesFile.apiVersion).toBe(1);
    expect(rulesFile.groups.length).toBeGreaterThan(0);
    for (const group of rulesFile.groups) {
      expect(group).toEqual(expect.objectContaining({ orgId: 1, name: expect.any(String), folder: 'Argo Workflows Performance' }));
      expect(group.interval).toMatch(DURATION);
      expect(group.rules.length).toBeGreaterThan(0);
    }
    expect(new Set(rulesFile.groups.map((g) => g.name)).size).toBe(rulesFile.groups.length);
  });

  test.each(rules.map((r) => [r.uid, r]))('%s: title, condition, data, states and for as Grafana requires', (_uid, rule) => {
    expect(rule.title).toMatch(/\S/);
    // Provisioning expands $VAR in titles (StringValue); a title must not hold one.
    expect(rule.title).not.toContain('$');
    expect(rule.data.map((q) => q.refId)).toContain(rule.condition);
    expect(['NoData', 'Alerting', 'OK', 'KeepLast']).toContain(rule.noDataState);
    expect(['Error', 'Alerting', 'OK', 'KeepLast']).toContain(rule.execErrState);
    expect(rule.for).toMatch(DURATION);
    expect(new Set(rule.data.map((q) => q.refId)).size).toBe(rule.data.length);
    for (const query of rule.data) {
      expect(query.model.refId).toBe(query.refId);
      if (query.datasourceUid !== EXPRESSION_UID) {
        expect(query.relativeTimeRange!.from).toBeGreaterThan(query.relativeTimeRange!.to);
      }
    }
  });

  test('uids are stable, unique and within Grafana\'s 40 characters', () => {
    const uids = rules.map((r) => r.uid);
    expect(new Set(uids).size).toBe(uids.length);
    uids.forEach((uid) => expect(uid).toMatch(/^argoperf-[a-z0-9-]{1,31}$/));
    // Renaming a uid makes Grafana delete the rule and create a new one (its state and silences are lost).
    expect(uids.sort()).toEqual(
      [
        'argoperf-cron-late',
        'argoperf-cron-missed',
        'argoperf-cron-no-success',
        'argoperf-failure-rate',
        'argoperf-history-stale',
        'argoperf-pod-cpu-measured',
        'argoperf-pod-memory-measured',
        'argoperf-run-overrun',
        'argoperf-step-cpu',
        'argoperf-step-memory',
        'argoperf-step-slower',
        'argoperf-workflow-slower',
      ].sort()
    );
  });

  test('every rule reads our provisioned datasource by its uid, or the optional Prometheus one', () => {
    expect(ourDatasource).toMatchObject({ uid: 'argo-workflows-performance', type: 'argoperf-workflows-datasource' });
    expect(prometheus).toMatchObject({ uid: 'argo-workflows-prometheus', type: 'prometheus' });
    for (const rule of rules) {
      const sources = rule.data.filter((q) => q.datasourceUid !== EXPRESSION_UID).map((q) => q.datasourceUid);
      expect(sources.length).toBeGreaterThan(0);
      expect([[ourDatasource.uid], [prometheus.uid]]).toContainEqual([...new Set(sources)]);
    }
    const promRules = rules.filter((r) => r.data.some((q) => q.datasourceUid === prometheus.uid));
    expect(promRules.map((r) => r.uid).sort()).toEqual(['argoperf-pod-cpu-measured', 'argoperf-pod-memory-measured']);
    promRules.forEach((rule) => expect(rule.isPaused).toBe(true));
  });

  test.each(rules.filter((r) => ours(r).length > 0).map((r) => [r.uid, r]))('%s: every query parses with the shared query model', (_uid, rule) => {
    for (const query of ours(rule)) {
      const parsed = parseQuery(query.model);
      expect(parsed).toHaveProperty('query');
      expect(query.queryType).toBe(query.model.queryType);
    }
  });

  test('no query holds a $ template variable (alert rules have no dashboard to resolve it)', () => {
    for (const rule of rules) {
      for (const query of rule.data.filter((q) => q.datasourceUid !== EXPRESSION_UID)) {
        expect(JSON.stringify(query.model)).not.toContain('$');
      }
    }
  });

  test('one instance per group: each query of ours groups (or answers one number per cron or run), and labels name the group', () => {
    const groupLabels: Record<string, string[]> = {
      baseline: ['namespace', 'workflow'],
      resources: ['namespace', 'workflow', 'step'],
      freshness: ['namespace'],
    };
    for (const rule of rules) {
      for (const query of ours(rule)) {
        const wanted = groupLabels[query.model.queryType];
        if (wanted) {
          wanted.forEach((key) => expect(query.model.groupBy).toContain(key));
        }
      }
    }
  });

  test('step rules group by step (every loop item and retry together), never by task (one group per loop item)', () => {
    const stepRules = rules.filter((rule) => rule.uid.startsWith('argoperf-step-'));
    expect(stepRules.map((rule) => rule.uid).sort()).toEqual(['argoperf-step-cpu', 'argoperf-step-memory', 'argoperf-step-slower']);
    for (const rule of stepRules) {
      for (const query of ours(rule)) {
        expect(query.model.groupBy).toContain('step');
        expect(query.model.groupBy).not.toContain('task');
      }
      expect(`${rule.annotations.summary} ${rule.annotations.description}`).toContain('{{ $labels.step }}');
      expect(`${rule.annotations.summary} ${rule.annotations.description}`).not.toContain('$labels.task');
    }
  });

  test.each(rules.map((r) => [r.uid, r]))('%s: summary and description name the group and show its value; runbook into docs/alerts.md', (_uid, rule) => {
    const { summary, description, runbook_url: runbook } = rule.annotations;
    const refIds = rule.data.map((q) => q.refId);
    for (const text of [summary, description]) {
      expect(text).toMatch(/\S/);
      // Provisioning expands ${VAR} in annotations; Grafana's templates use {{ $labels.x }} / {{ $values.X }}.
      expect(text).not.toContain('${');
    }
    const labelKeys = rule.data.some((q) => q.datasourceUid === prometheus.uid)
      ? ['namespace', 'pod']
      : (ours(rule)[0].model.groupBy as string[] | undefined) ?? (ours(rule)[0].model.queryType === 'cronDrift' ? ['namespace', 'cron'] : ['namespace', 'workflow']);
    for (const key of labelKeys) {
      expect(summary).toContain(`{{ $labels.${key} }}`);
    }
    const values = [...summary.matchAll(/\$values\.([A-Z])\b/g)].map((m) => m[1]);
    expect(values.length).toBeGreaterThan(0);
    values.forEach((refId) => expect(refIds).toContain(refId));
    const anchor = /^\/public\/plugins\/argoperf-workflows-app\/docs\/alerts\.md#([a-z0-9-]+)$/.exec(runbook);
    expect(anchor).not.toBeNull();
    expect(alertsDoc).toContain(`<a id="${anchor![1]}"></a>`);
  });

  test('the runbook anchors are distinct, one per rule', () => {
    const anchors = rules.map((r) => r.annotations.runbook_url.split('#')[1]);
    expect(new Set(anchors).size).toBe(rules.length);
  });
});

/** The threshold of a rule as docs/alerts.md's table states it: its row, by the anchor of the rule. */
function documentedRow(anchor: string): string[] {
  const row = alertsDoc.split('\n').find((line) => line.startsWith('| [') && line.includes(`](#${anchor})`));
  expect(row).toBeDefined();
  return row!.split('|').map((cell) => cell.trim());
}

/** What a rule's condition compares, read from its expressions: [operator, number] per comparison. */
function comparisons(rule: Rule): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  for (const q of rule.data.filter((d) => d.datasourceUid === EXPRESSION_UID)) {
    if (q.model.type === 'threshold') {
      for (const c of q.model.conditions) {
        found.push([c.evaluator.type === 'gt' ? '>' : '<', c.evaluator.params[0]]);
      }
    }
    if (q.model.type === 'math') {
      for (const m of (q.model.expression as string).matchAll(/([<>])\s*(\d+(?:\.\d+)?)/g)) {
        found.push([m[1], Number(m[2])]);
      }
    }
  }
  return found;
}

describe('thresholds, for and states are the ones docs/alerts.md states', () => {
  test.each(rules.map((r) => [r.uid, r]))('%s', (_uid, rule) => {
    const anchor = rule.annotations.runbook_url.split('#')[1];
    const [, , , threshold, forText, noData, error] = documentedRow(anchor);
    expect(forText).toBe(rule.for);
    expect(noData).toBe(rule.noDataState);
    expect(error).toBe(rule.execErrState);
    const numbers = [...threshold.matchAll(/([<>])\s*([\d.]+)\s*(GiB|s)?/g)].map(
      (m) => [m[1], Number(m[2]) * (m[3] === 'GiB' ? 2 ** 30 : 1)] as [string, number]
    );
    const stated = threshold.includes('current > baseline') ? [['>', 0.1]] : numbers;
    expect(comparisons(rule)).toEqual(stated);
  });

  test('the product promises: p95 × 1.5, 10 %, 10 minutes, two periods, 30 minutes, 8 cores, 28 GiB', () => {
    const byUid = Object.fromEntries(rules.map((r) => [r.uid, r]));
    expect(comparisons(byUid['argoperf-workflow-slower'])).toEqual([['>', 1.5]]);
    expect(comparisons(byUid['argoperf-step-slower'])).toEqual([['>', 1.5]]);
    expect(byUid['argoperf-failure-rate'].data.find((q) => q.refId === 'C')!.model.expression).toBe('$A > $B && $A > 0.1');
    expect(comparisons(byUid['argoperf-cron-late'])).toEqual([['>', 10 * 60]]);
    expect(comparisons(byUid['argoperf-cron-no-success'])).toEqual([['>', 2]]);
    expect(comparisons(byUid['argoperf-history-stale'])).toEqual([['>', 30 * 60]]);
    expect(comparisons(byUid['argoperf-step-cpu'])).toEqual([['>', 8]]);
    expect(comparisons(byUid['argoperf-step-memory'])).toEqual([['>', 28 * 1024]]);
    expect(comparisons(byUid['argoperf-pod-cpu-measured'])).toEqual([['>', 8]]);
    expect(comparisons(byUid['argoperf-pod-memory-measured'])).toEqual([['>', 28 * 2 ** 30]]);
    expect(byUid['argoperf-pod-cpu-measured'].for).toBe('15m');
  });

  test('history-stale: the age of the history per namespace (documents or collector sync); nothing collected at all fires', () => {
    const rule = rules.find((r) => r.uid === 'argoperf-history-stale')!;
    const [query] = ours(rule);
    expect(query.model).toMatchObject({ queryType: 'freshness', view: 'age', basis: 'history', groupBy: ['namespace'] });
    // The threshold reads the query's numbers itself: one per namespace, nothing to reduce.
    expect(rule.data.find((q) => q.refId === rule.condition)!.model).toMatchObject({ type: 'threshold', expression: query.refId });
    expect(rule.noDataState).toBe('Alerting');
  });

  test('no rule reduces a durations or delay series with "last" in strict mode (the No Data trap)', () => {
    for (const rule of rules) {
      for (const q of rule.data.filter((d) => d.model.type === 'reduce')) {
        expect(q.model.settings?.mode).toBe('dropNN');
      }
    }
  });
});
