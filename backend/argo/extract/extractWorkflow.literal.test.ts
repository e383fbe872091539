import type { NodeDocument } from './documents';
import { extractWorkflow } from './extractWorkflow';
import { corpusWorkflow } from './testCorpus';

/**
 * Hand-checked expectations for a few real objects: each number was read from the JSON file named
 * in the test (times in `status.nodes[...]`, subtracted by hand) and written down here.
 */
function byName(nodes: NodeDocument[]): Record<string, NodeDocument> {
  return Object.fromEntries(nodes.map((doc) => [doc.node.name, doc]));
}

describe('hand-checked real workflows', () => {
  it('dag-disable-fail-fast-r6xdc: a failed DAG with a retried task', () => {
    // workflow 09:11:58 → 09:12:46; C(0) 09:12:03 → 09:12:08, C(1) 09:12:09 → 09:12:12, B(0) 09:12:03 → 09:12:36
    const { workflow, nodes, problems } = extractWorkflow(corpusWorkflow('dag-disable-fail-fast_L1_dag-disable-fail-fast-r6xdc.json'));
    expect(problems).toEqual([]);
    expect(workflow).toMatchObject({ duration_ms: 48_000, phase: 'Failed', workflow: { name: 'dag-disable-fail-fast-r6xdc', template: 'dag-disable-fail-fast' } });
    expect(workflow!.message).toBeUndefined(); // the status has no message
    // the DAG root and the Retry parents B and C get no document
    expect(nodes.map((doc) => doc.node.name).sort()).toEqual(['A', 'B(0)', 'C(0)', 'C(1)', 'D', 'E'].map((task) => `dag-disable-fail-fast-r6xdc.${task}`));
    const docs = byName(nodes);
    expect(docs['dag-disable-fail-fast-r6xdc.C(0)']).toMatchObject({
      duration_ms: 5_000,
      phase: 'Failed',
      node: { display_name: 'C', retry_attempt: 0, type: 'Pod' },
      message: 'failed with exit code 2',
    });
    expect(docs['dag-disable-fail-fast-r6xdc.C(1)']).toMatchObject({ duration_ms: 3_000, node: { display_name: 'C', retry_attempt: 1 } });
    expect(docs['dag-disable-fail-fast-r6xdc.B(0)']).toMatchObject({ duration_ms: 33_000, node: { display_name: 'B', retry_attempt: 0 } });
    expect(nodes.filter((doc) => doc.node.retry_attempt > 0)).toHaveLength(1);
  });

  it('dag-disable-fail-fast-r6xdc after a manual retry: nodes that start before the run keep their own durations', () => {
    const object = corpusWorkflow('dag-disable-fail-fast_L1_dag-disable-fail-fast-r6xdc.json') as { status: { startedAt: string } };
    const before = extractWorkflow(object);
    object.status.startedAt = '2019-06-26T09:12:30Z'; // as `argo retry` resets it; A, B(0), C(…) started earlier
    const after = extractWorkflow(object);
    expect(after.nodes).toEqual(before.nodes);
    expect(after.workflow).toMatchObject({ '@timestamp': '2019-06-26T09:12:30Z', duration_ms: 16_000 }); // 09:12:30 → 09:12:46
  });

  it('two-artgc-8tcvt: steps with resources in 100Mi units', () => {
    // workflow 22:29:58 → 22:30:09, resourcesDuration {cpu: 7, memory: 4}; call-first 22:29:58 → 22:30:02 {cpu: 3, memory: 2}
    const { workflow, nodes, problems } = extractWorkflow(corpusWorkflow('artifact_gc_test_L19_two-artgc-8tcvt.json'));
    expect(problems).toEqual([]);
    expect(workflow).toMatchObject({ duration_ms: 11_000, phase: 'Succeeded', resources: { cpu_core_seconds: 7, memory_mib_seconds: 400 } });
    expect(workflow!.workflow).toEqual({ name: 'two-artgc-8tcvt', uid: '9fe40595-8612-4312-ba2c-d64bad1fb3ee', template: 'two-artgc' });
    expect(nodes.map((doc) => doc.node.display_name)).toEqual(['call-first', 'call-second']);
    expect(nodes[0]).toMatchObject({
      duration_ms: 4_000,
      node: { template: 'first', host: 'k3d-k3s-default-server-0' },
      resources: { cpu_core_seconds: 3, memory_mib_seconds: 200 },
    });
    expect(nodes[1]).toMatchObject({ duration_ms: 3_000, resources: { cpu_core_seconds: 4, memory_mib_seconds: 200 } });
  });

  it('retry-backoff-s69z6: an attempt that finished before it started gets no duration, and a problem', () => {
    // (0) 15:18:40 → 15:18:43; (1) startedAt 15:18:45, finishedAt 15:18:43 (as in Argo's fixture)
    const { workflow, nodes, problems } = extractWorkflow(corpusWorkflow('operator_test_L1245_retry-backoff-s69z6.json'));
    expect(problems).toEqual(['status.nodes["retry-backoff-s69z6-130058153"].finishedAt: "2020-05-05T15:18:43Z" is before startedAt (2 s)']);
    const docs = byName(nodes);
    expect(docs['retry-backoff-s69z6(0)']).toMatchObject({ duration_ms: 3_000, node: { display_name: 'retry-backoff-s69z6', retry_attempt: 0 } });
    const late = docs['retry-backoff-s69z6(1)'];
    expect(late).toMatchObject({ '@timestamp': '2020-05-05T15:18:45Z', phase: 'Failed', node: { retry_attempt: 1 } });
    expect(late.end).toBeUndefined();
    expect(late.duration_ms).toBeUndefined();
    // still running: no end; memory 0 stays a 0
    expect(workflow).toMatchObject({ phase: 'Running', resources: { cpu_core_seconds: 5, memory_mib_seconds: 0 } });
    expect(workflow!.end).toBeUndefined();
  });

  it('workflow-template-hello-world-k4d26: template from workflowTemplateRef, parameters as strings', () => {
    // workflow 00:57:45 → 00:57:51; its one pod 00:57:45 → 00:57:49 on docker-desktop
    const { workflow, nodes } = extractWorkflow(corpusWorkflow('gc_controller_test_L115_workflow-template-hello-world-k4d26.json'));
    expect(workflow).toMatchObject({
      duration_ms: 6_000,
      workflow: { template: 'workflow-template-submittable-2.9' },
      parameters: { message: 'hello world' },
    });
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ duration_ms: 4_000, node: { host: 'docker-desktop', type: 'Pod' }, parameters: { message: 'hello world' } });
  });

  it('test-workflow-with-retry-strategy8h899: a hook under a Retry node is not an attempt', () => {
    const { nodes } = extractWorkflow(corpusWorkflow('exit_handler_test_L510_test-workflow-with-retry-strategy8h899.json'));
    const hook = nodes.find((doc) => doc.node.display_name === 'Python2Compile.onExit');
    expect(hook).toMatchObject({ node: { retry_attempt: 0, type: 'Pod' }, duration_ms: 6_000 }); // 16:16:27 → 16:16:33
    expect(nodes.map((doc) => doc.node.display_name).sort()).toEqual(['DependencyTesting', 'DependencyTesting.onExit', 'Python2Compile', 'Python2Compile.onExit']);
  });

  it('retry-with-dags: an omitted task keeps its phase but gets no duration', () => {
    // success2: Skipped node, phase Omitted, 00:26:48 → 00:26:48; fail(1) 00:26:42 → 00:26:45
    const { nodes } = extractWorkflow(corpusWorkflow('dag-exhausted-retries-xfail_L1_retry-with-dags.json'));
    const docs = byName(nodes);
    const omitted = docs['retry-with-dags.success2'];
    expect(omitted).toMatchObject({ phase: 'Omitted', end: '2020-06-02T00:26:48Z', node: { type: 'Skipped' } });
    expect(omitted.duration_ms).toBeUndefined();
    expect(omitted.message).toBeUndefined();
    expect(docs['retry-with-dags.sub-dag1.fail(1)']).toMatchObject({ duration_ms: 3_000, node: { display_name: 'fail', retry_attempt: 1 }, resources: { cpu_core_seconds: 2, memory_mib_seconds: 100 } });
    expect(docs['retry-with-dags.sub-dag1']).toBeUndefined(); // a nested DAG: its pods carry the work
  });

  it('hr-retry-replication: retries inside a loop keep the loop suffix in the task name', () => {
    // Retry-And-Loop(0:Id:1)(1) 00:10:05 → 00:10:12; two attempts (1) in all; workflow 00:09:56 → 00:10:17
    const { workflow, nodes } = extractWorkflow(corpusWorkflow('operator_test_L10603_hr-retry-replication.json'));
    expect(workflow).toMatchObject({ duration_ms: 21_000, namespace: 'argo', workflow: { template: 'hr-retry-replication' } });
    expect(nodes).toHaveLength(6);
    expect(nodes.filter((doc) => doc.node.retry_attempt > 0).map((doc) => doc.node.display_name).sort()).toEqual(['Retry-And-Loop(0:Id:1)', 'Retry-And-Loop(1:Id:2)']);
    expect(byName(nodes)['hr-retry-replication.Retry-And-Loop(0:Id:1)(1)']).toMatchObject({ duration_ms: 7_000, parameters: { itemId: '1' } });
  });

  it('http-template-nv52d and suspend-template-qndm5: an HTTP node without finishedAt, a waiting Suspend node', () => {
    const http = extractWorkflow(corpusWorkflow('dag_test_L3456_http-template-nv52d.json'));
    expect(http.workflow!.workflow.template).toBe('http-template'); // no generateName: the suffix -nv52d is cut
    expect(http.nodes).toHaveLength(1);
    expect(http.nodes[0]).toMatchObject({ phase: 'Succeeded', node: { type: 'HTTP', display_name: 'good1' } });
    expect(http.nodes[0].end).toBeUndefined();
    const suspend = extractWorkflow(corpusWorkflow('operator_metrics_test_L689_suspend-template-qndm5.json'));
    const approve = suspend.nodes.find((doc) => doc.node.type === 'Suspend');
    expect(approve).toMatchObject({ '@timestamp': '2021-09-28T12:23:20Z', phase: 'Running', node: { display_name: 'approve' } });
    expect(approve!.duration_ms).toBeUndefined();
  });

  it('global-outputs-bg7gl: a finished run without a phase has none, and says so', () => {
    const { workflow, problems } = extractWorkflow(corpusWorkflow('operator_test_L4992_global-outputs-bg7gl.json'));
    expect(workflow!.phase).toBeUndefined();
    expect(workflow!.duration_ms).toBe(7_000); // 15:55:11 → 15:55:18
    expect(problems).toContain('status.phase: missing although finishedAt is set');
  });
});
