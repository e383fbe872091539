import { readFileSync } from 'fs';
import path from 'path';

import { extractWorkflow } from '../argo/extract/extractWorkflow';
import { timelineRows } from './timelineRows';

/**
 * Rows and critical paths of real workflow objects. Expected values are read off the objects' node
 * times by hand (the comments show the arithmetic), not computed by the code under test.
 */
const FIXTURES = path.join(__dirname, '../test/fixtures/argo/workflows');
const load = (file: string) => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
const ms = (text: string) => Date.parse(text);

function answer(file: string, nowMs: number, strip = false) {
  const workflow = load(file);
  const { nodes } = extractWorkflow(workflow);
  if (strip) {
    // Documents collected before document model 3: no step graph.
    nodes.forEach((doc) => ['after', 'feeds', 'group'].forEach((key) => delete (doc.node as unknown as Record<string, unknown>)[key]));
  }
  const result = timelineRows(nodes, { name: workflow.metadata.name, startMs: ms(workflow.status.startedAt) }, nowMs);
  const byStep = Object.fromEntries(result.rows.map((row) => [row.step, row]));
  return { workflow, result, byStep };
}

describe('timelineRows of real workflow objects', () => {
  it('a loop of retried tasks: the retried item that ends last sets the end; the others wait for it', () => {
    const { workflow, result, byStep } = answer('dag_test_L2462_reproduce-bug-9tpfr.json', ms('2020-08-14T04:00:00Z'));
    const critical = result.rows.filter((r) => r.critical).map((r) => r.step);
    // gen-tasks(0) 03:47:23-26, then item 3 failed twice and ran a third time until 03:48:40.
    expect(critical).toEqual(['gen-tasks(0)', 'process-tasks(3:3)(0)', 'process-tasks(3:3)(1)', 'process-tasks(3:3)(2)']);
    // 3 + 13 + 5 + 3 seconds in the critical attempts.
    expect(result.path).toEqual({ seconds: 24, steps: 4 });
    // Every other item ends before 03:48:40 and only the omitted `finish` follows it: slack = 03:48:40 - its end.
    const end = ms('2020-08-14T03:48:40Z');
    for (const node of Object.values(workflow.status.nodes) as Array<{ type: string; displayName: string; finishedAt: string }>) {
      if (node.type === 'Pod' && !node.displayName.startsWith('process-tasks(3:3)') && node.displayName !== 'gen-tasks(0)') {
        expect({ step: node.displayName, slack: byStep[node.displayName].slackS }).toEqual({ step: node.displayName, slack: (end - ms(node.finishedAt)) / 1000 });
      }
    }
    expect(byStep['process-tasks(0:0)(0)'].slackS).toBe(58);
    expect(byStep.finish).toMatchObject({ phase: 'Omitted', startMs: null, endMs: null, durationS: null, slackS: null, critical: false, attempt: null });
    expect(byStep['process-tasks(3:3)(2)']).toMatchObject({
      stepName: 'process-tasks',
      attempt: 2,
      group: 'reproduce-bug-9tpfr',
      phase: 'Failed',
      durationS: 3,
      pod: 'reproduce-bug-9tpfr-process-tasks-4222579959',
    });
    expect(result.rows).toHaveLength(14);
  });

  it("exit hooks: the dependent step's hook ends last; the first step's hook has 10 s of slack", () => {
    const { result, byStep } = answer('exit_handler_test_L510_test-workflow-with-retry-strategy8h899.json', ms('2021-07-29T17:00:00Z'));
    expect(result.rows.filter((r) => r.critical).map((r) => r.step)).toEqual(['Python2Compile(0)', 'DependencyTesting(0)', 'DependencyTesting.onExit']);
    // Python2Compile(0) 16:07-16:13, DependencyTesting(0) 16:17-16:23, its hook 16:27-16:43.
    expect(result.path).toEqual({ seconds: 6 + 6 + 16, steps: 3 });
    // Python2Compile.onExit ends 16:33, released at 16:13 like DependencyTesting; it could end at 16:43.
    expect(byStep['Python2Compile.onExit'].slackS).toBe(10);
    expect(byStep['Python2Compile.onExit'].group).toBe('Execute');
    expect(byStep['Python2Compile.onExit'].attempt).toBeNull();
  });

  it('a step still running ends now: it is the critical path, its duration grows with the clock', () => {
    const now = ms('2020-07-24T16:49:25Z');
    const { result, byStep } = answer('operator_test_L7170_steps-9fvnv.json', now);
    expect(byStep.approve).toMatchObject({ phase: 'Running', endMs: null, durationS: 600, critical: true, slackS: 0, pod: null });
    expect(result.path).toEqual({ seconds: 600, steps: 1 });
  });

  it('documents without the step graph: every step, no critical path, no slack', () => {
    const { result } = answer('dag_test_L2462_reproduce-bug-9tpfr.json', ms('2020-08-14T04:00:00Z'), true);
    expect(result.hasGraph).toBe(false);
    expect(result.path).toBeUndefined();
    expect(result.rows).toHaveLength(14);
    expect(result.rows.every((r) => !r.critical && r.slackS === null)).toBe(true);
    expect(result.rows.every((r) => r.group === 'reproduce-bug-9tpfr')).toBe(true);
  });

  it('documents without a readable node are left out, not a failure', () => {
    const workflow = load('dag_test_L2462_reproduce-bug-9tpfr.json');
    const { nodes } = extractWorkflow(workflow);
    const damaged = [...nodes, { doc_kind: 'node' }, { doc_kind: 'node', node: { id: 7 } }] as unknown as typeof nodes;
    const result = timelineRows(damaged, { name: workflow.metadata.name }, ms('2020-08-14T04:00:00Z'));
    expect(result.rows).toHaveLength(14);
    expect(result.path).toEqual({ seconds: 24, steps: 4 });
  });
});
